// The benchmark's reference: the dashboard KPI set (every KPI by channel × local day, plus
// p50/p90/p95 of ASA, AHT and time to resolution per channel × day, plus overall p50/p90 of wait
// and handle time) as ONE hand-written DuckDB query, for the default
// settings (SL 80/20 offered − short abandons < 5 s, ASA of answered, FCR auto with 7 days).
// Sums are exact decimals read back as doubles, as the engine's (the same figure on every run);
// blank waits and handle times are unknown, not 0 s; reopen rate and time to resolution count
// cases-table cases only; FCR's 7 days run from the resolution. Durations (TTR too) in seconds.

/**
 * `store`: case and survey facts from the store's derived tables (`case_facts`, `survey_facts`),
 * as the engine reads them: the timed reference. `raw`: derived here from contacts, cases and
 * surveys alone, an independent check of those tables.
 */
export function handwrittenDashboardSql(tz: string, from: 'store' | 'raw' = 'store'): string {
  const day = (c: string) => `CAST(timezone('${tz}', ${c}) AS DATE)`;
  const facts = from === 'store' ? STORE_FACTS : RAW_FACTS;
  const sum = (x: string, cond: string) =>
    `CAST(coalesce(sum(CAST(${x} AS DECIMAL(38, 6))) FILTER (WHERE ${cond}), 0) AS DOUBLE)`;
  const sv = from === 'store' ? storeSurveys(day) : rawSurveys(day);
  return `
WITH c AS (
  SELECT channel, ${day('offered_at')} AS day, outcome, wait_s,
         CASE WHEN talk_s IS NOT NULL OR hold_s IS NOT NULL OR acw_s IS NOT NULL
              THEN coalesce(talk_s, 0) + coalesce(hold_s, 0) + coalesce(acw_s, 0) END AS handle_s,
         direction IS NULL OR direction = 'inbound' AS inbound
  FROM contacts
),
contact_kpis AS (
  SELECT channel, day,
    count(*) FILTER (WHERE inbound AND outcome = 'answered' AND wait_s <= 20) AS sl_num,
    count(*) FILTER (WHERE inbound) - count(*) FILTER (WHERE inbound AND outcome = 'abandoned' AND wait_s < 5) AS sl_den,
    ${sum('wait_s', ASA)} AS asa_num,
    count(*) FILTER (WHERE ${ASA}) AS asa_den,
    quantile_cont(wait_s, 0.5) FILTER (WHERE ${ASA}) AS asa_p50,
    quantile_cont(wait_s, 0.9) FILTER (WHERE ${ASA}) AS asa_p90,
    quantile_cont(wait_s, 0.95) FILTER (WHERE ${ASA}) AS asa_p95,
    ${sum('handle_s', AHT)} AS aht_num,
    count(*) FILTER (WHERE ${AHT}) AS aht_den,
    quantile_cont(handle_s, 0.5) FILTER (WHERE ${AHT}) AS aht_p50,
    quantile_cont(handle_s, 0.9) FILTER (WHERE ${AHT}) AS aht_p90,
    quantile_cont(handle_s, 0.95) FILTER (WHERE ${AHT}) AS aht_p95,
    count(*) FILTER (WHERE inbound AND outcome = 'abandoned' AND NOT coalesce(wait_s < 5, FALSE)) AS ab_num
  FROM c GROUP BY ALL
),
${facts}facts2 AS (
  SELECT *, CASE WHEN touches > 1 THEN TRUE WHEN customer_id IS NULL THEN NULL
                 WHEN next_t IS NULL OR resolved_at IS NULL THEN FALSE
                 ELSE epoch(next_t) - epoch(resolved_at) <= 604800 END AS rpt
  FROM facts
),
fcr AS (
  SELECT channel, ${day('created_at')} AS day,
    count(*) FILTER (WHERE flag) + count(*) FILTER (WHERE flag IS NULL AND resolved AND rpt = FALSE) AS fcr_num,
    count(*) FILTER (WHERE flag IS NOT NULL) + count(*) FILTER (WHERE flag IS NULL AND rpt IS NOT NULL) AS fcr_den
  FROM facts2 GROUP BY ALL
),
res AS (
  SELECT channel, ${day('resolved_at')} AS day,
    count(*) FILTER (WHERE resolved) AS resolved,
    count(*) FILTER (WHERE resolved AND is_case AND reopened IS NOT NULL) AS reopen_n,
    count(*) FILTER (WHERE resolved AND is_case AND reopened > 0) AS reopened,
    count(*) FILTER (WHERE resolved AND is_case) AS ttr_n,
    ${sum('epoch(resolved_at) - epoch(created_at)', 'resolved AND is_case')} AS ttr_s,
    quantile_cont(epoch(resolved_at) - epoch(created_at), 0.5) FILTER (WHERE resolved AND is_case) AS ttr_p50,
    quantile_cont(epoch(resolved_at) - epoch(created_at), 0.9) FILTER (WHERE resolved AND is_case) AS ttr_p90,
    quantile_cont(epoch(resolved_at) - epoch(created_at), 0.95) FILTER (WHERE resolved AND is_case) AS ttr_p95
  FROM facts2 GROUP BY ALL
),
cost AS (
  SELECT nullif(channel, '') AS channel, day, sum(amount / days) AS cost FROM (
    SELECT *, CAST(unnest(generate_series(CAST(period_start AS TIMESTAMP), CAST(period_end AS TIMESTAMP), INTERVAL 1 DAY)) AS DATE) AS day,
           date_diff('day', period_start, period_end) + 1 AS days FROM costs)
  GROUP BY ALL
),
${sv}survey_kpis AS (
  SELECT channel, day,
    count(*) FILTER (WHERE kind = 'nps' AND scale_min = 0 AND scale_max = 10 AND score >= 9) AS promoters,
    count(*) FILTER (WHERE kind = 'nps' AND scale_min = 0 AND scale_max = 10 AND score <= 6) AS detractors,
    count(*) FILTER (WHERE kind = 'nps' AND scale_min = 0 AND scale_max = 10) AS nps_n,
    count(*) FILTER (WHERE kind = 'csat' AND ((scale_max = 3 AND score >= 3) OR (scale_max = 5 AND score >= 4) OR (scale_max = 7 AND score >= 6) OR (scale_max = 10 AND score >= 8))) AS csat_num,
    count(*) FILTER (WHERE kind = 'csat' AND scale_max IN (3, 5, 7, 10)) AS csat_den,
    avg(score) FILTER (WHERE kind = 'ces' AND scale_max = 5) AS ces5,
    avg(score) FILTER (WHERE kind = 'ces' AND scale_max = 7) AS ces7,
    count(*) FILTER (WHERE kind = 'ces' AND ((scale_max = 5 AND score >= 4) OR (scale_max = 7 AND score >= 5))) AS cesp_num,
    count(*) FILTER (WHERE kind = 'ces' AND scale_max IN (5, 7)) AS cesp_den
  FROM sv GROUP BY ALL
),
by_day AS (
  SELECT channel, day,
    100.0 * sl_num / nullif(sl_den, 0) AS service_level,
    asa_num / nullif(asa_den, 0) AS asa, aht_num / nullif(aht_den, 0) AS aht,
    100.0 * ab_num / nullif(sl_den, 0) AS abandon_rate,
    100.0 * fcr_num / nullif(fcr_den, 0) AS fcr,
    100.0 * reopened / nullif(reopen_n, 0) AS reopen_rate,
    ttr_s / nullif(ttr_n, 0) AS time_to_resolution,
    cost / nullif(resolved, 0) AS cost_per_resolution,
    100.0 * (promoters - detractors) / nullif(nps_n, 0) AS nps,
    100.0 * csat_num / nullif(csat_den, 0) AS csat,
    ces5, ces7, 100.0 * cesp_num / nullif(cesp_den, 0) AS ces_positive,
    asa_p50, asa_p90, asa_p95, aht_p50, aht_p90, aht_p95, ttr_p50, ttr_p90, ttr_p95
  FROM contact_kpis
  FULL JOIN fcr USING (channel, day) FULL JOIN res USING (channel, day)
  FULL JOIN cost USING (channel, day) FULL JOIN survey_kpis USING (channel, day)
),
overall AS (
  SELECT quantile_cont(wait_s, 0.5) FILTER (WHERE ${ASA}) AS wait_p50,
         quantile_cont(wait_s, 0.9) FILTER (WHERE ${ASA}) AS wait_p90,
         quantile_cont(handle_s, 0.5) FILTER (WHERE ${AHT}) AS handle_p50,
         quantile_cont(handle_s, 0.9) FILTER (WHERE ${AHT}) AS handle_p90
  FROM c
)
SELECT by_day.*, overall.* FROM by_day, overall ORDER BY channel, day`;
}

const ASA = `inbound AND outcome = 'answered' AND wait_s IS NOT NULL`;
const AHT = `outcome = 'answered' AND handle_s IS NOT NULL`;

const STORE_FACTS = `facts AS (
  SELECT channel, created_at, resolved_at, reopened_count AS reopened, resolved, fcr_flag AS flag,
         customer_id, first_at, next_at AS next_t, touches, origin = 'case' AS is_case
  FROM case_facts
),
`;

const RAW_FACTS = `touches AS (
  SELECT coalesce(case_id, 'contact:' || contact_id) AS case_key, customer_id, offered_at AS t, contact_id AS id,
         channel, first_contact_resolved AS flag, outcome = 'answered' AS handled, ended_at
  FROM contacts WHERE direction IS NULL OR direction = 'inbound'
  UNION ALL
  SELECT case_id, customer_id, created_at, 'case:' || case_id, channel, first_contact_resolved, FALSE, resolved_at
  FROM cases k WHERE NOT EXISTS (SELECT 1 FROM contacts x WHERE x.case_id = k.case_id)
),
per_case AS (
  SELECT case_key, count(*) AS n, min(t) AS first_at, coalesce(max(ended_at), max(t)) AS last_end,
         bool_or(handled) AS handled, arg_min(channel, t) AS channel, arg_min(customer_id, t) AS customer_id,
         arg_min(flag, t) AS flag, arg_min(next_t, t) AS next_t
  FROM (SELECT *, lead(t) OVER (PARTITION BY customer_id ORDER BY t, id) AS next_t FROM touches)
  GROUP BY case_key
),
facts AS (
  SELECT coalesce(k.channel, p.channel) AS channel, k.created_at, k.resolved_at, k.reopened_count AS reopened,
         k.resolved_at IS NOT NULL AS resolved, coalesce(k.first_contact_resolved, p.flag) AS flag, p.customer_id, p.first_at, p.next_t,
         coalesce(p.n, 1) AS touches, TRUE AS is_case
  FROM cases k LEFT JOIN per_case p ON p.case_key = k.case_id
  UNION ALL
  SELECT p.channel, p.first_at, CASE WHEN coalesce(p.flag, TRUE) THEN p.last_end END, NULL, coalesce(p.flag, TRUE),
         p.flag, p.customer_id, p.first_at, p.next_t, p.n, FALSE
  FROM per_case p WHERE p.handled AND NOT EXISTS (SELECT 1 FROM cases k WHERE k.case_id = p.case_key)
),
`;

const storeSurveys = (day: (c: string) => string) => `sv AS (
  SELECT channel, ${day('responded_at')} AS day, kind, score, scale_min, scale_max FROM survey_facts
),
`;

const rawSurveys = (day: (c: string) => string) => `sv AS (
  SELECT coalesce(s.channel, c.channel, k.channel) AS channel, ${day('s.responded_at')} AS day, s.kind, s.score, s.scale_min, s.scale_max
  FROM surveys s LEFT JOIN contacts c ON c.contact_id = s.contact_id LEFT JOIN cases k ON k.case_id = coalesce(s.case_id, c.case_id)
),
`;
