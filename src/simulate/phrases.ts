// A small bank of verbatim survey comments in Dutch, English and Spanish, by sentiment and topic.
// Limits: a few phrases per topic, so comments repeat; enough for demos and text-analysis tests.

import type { Language } from './scenario-schema.ts';

export const TOPICS = [
  'agent',
  'fast',
  'resolved',
  'neutral',
  'wait',
  'unresolved',
  'transfer',
  'repeat',
  'general',
] as const;
export type Topic = (typeof TOPICS)[number];

const BANK: Readonly<Record<Language, Readonly<Record<Topic, readonly string[]>>>> = {
  nl: {
    agent: [
      'Heel vriendelijke medewerker, echt meegedacht.',
      'Prettig geholpen, duidelijke uitleg.',
      'Medewerker nam de tijd voor mij, top!',
    ],
    fast: ['Snel geholpen, binnen een paar minuten geregeld.', 'Geen wachttijd, dat is fijn.'],
    resolved: [
      'Probleem in één keer opgelost.',
      'Alles is geregeld, ik hoef niet meer terug te bellen.',
      'Eindelijk opgelost, dank jullie wel.',
    ],
    neutral: ['Prima, niets bijzonders.', 'Het was oké.', 'Redelijk geholpen.'],
    wait: [
      'Veel te lang in de wacht gestaan.',
      'Wachttijd was echt belachelijk lang.',
      'Na een half uur wachten eindelijk iemand aan de lijn.',
    ],
    unresolved: [
      'Mijn probleem is nog steeds niet opgelost.',
      'Ik moet nu wéér contact opnemen.',
      'Er werd iets beloofd maar er gebeurde niets.',
    ],
    transfer: ['Steeds doorverbonden, niemand wist het.', 'Drie keer mijn verhaal moeten doen.'],
    repeat: ['Al de derde keer dat ik hierover contact opneem.', 'Elke keer een ander antwoord.'],
    general: ['Slechte service.', 'Niet tevreden over de afhandeling.', 'Dit kan echt beter.'],
  },
  en: {
    agent: [
      'Very friendly agent who really listened.',
      'Helpful and clear explanation.',
      'The agent took the time to help me, great!',
    ],
    fast: ['Quick help, sorted in a few minutes.', 'No waiting at all, nice.'],
    resolved: [
      'Problem solved in one go.',
      'Everything is sorted, no need to call again.',
      'Finally fixed, thank you.',
    ],
    neutral: ['Fine, nothing special.', 'It was okay.', 'Reasonable service.'],
    wait: [
      'Far too long on hold.',
      'The waiting time was ridiculous.',
      'Waited half an hour before anyone picked up.',
    ],
    unresolved: [
      'My issue is still not solved.',
      'Now I have to contact you again.',
      'They promised to fix it but nothing happened.',
    ],
    transfer: ['Transferred again and again, nobody knew.', 'Had to tell my story three times.'],
    repeat: ['This is the third time I contact you about this.', 'A different answer every time.'],
    general: [
      'Poor service.',
      'Not happy with how this was handled.',
      'This really could be better.',
    ],
  },
  es: {
    agent: [
      'Agente muy amable, me escuchó de verdad.',
      'Me ayudaron bien, explicación clara.',
      'El agente se tomó su tiempo, ¡genial!',
    ],
    fast: ['Me atendieron rápido, resuelto en pocos minutos.', 'Sin espera, muy bien.'],
    resolved: [
      'Problema resuelto a la primera.',
      'Todo arreglado, no tengo que volver a llamar.',
      'Por fin resuelto, gracias.',
    ],
    neutral: ['Bien, nada especial.', 'Estuvo bien.', 'Atención correcta.'],
    wait: [
      'Demasiado tiempo en espera.',
      'El tiempo de espera fue ridículo.',
      'Media hora esperando hasta que alguien contestó.',
    ],
    unresolved: [
      'Mi problema sigue sin resolverse.',
      'Ahora tengo que volver a contactar.',
      'Prometieron arreglarlo pero no pasó nada.',
    ],
    transfer: ['Me pasaron de uno a otro, nadie sabía.', 'Tuve que contar mi caso tres veces.'],
    repeat: ['Es la tercera vez que contacto por esto.', 'Cada vez una respuesta distinta.'],
    general: ['Mal servicio.', 'No estoy contento con la gestión.', 'Esto se puede mejorar mucho.'],
  },
};

const LANGS = Object.keys(BANK) as Language[];

/** Every phrase once; the survey buffer stores an index into this list. */
export const PHRASES: readonly string[] = LANGS.flatMap((l) => TOPICS.flatMap((t) => BANK[l][t]));

const START = new Int32Array(LANGS.length * TOPICS.length);
const COUNT = new Int32Array(LANGS.length * TOPICS.length);
{
  let at = 0;
  LANGS.forEach((l, li) =>
    TOPICS.forEach((t, ti) => {
      START[li * TOPICS.length + ti] = at;
      COUNT[li * TOPICS.length + ti] = BANK[l][t].length;
      at += BANK[l][t].length;
    }),
  );
}

export const LANGUAGE_ORDER: readonly Language[] = LANGS;

/** Index in PHRASES of variant `u` (0 ≤ u < 1) of a language (LANGUAGE_ORDER index) and topic. */
export function phraseIndex(language: number, topic: number, u: number): number {
  const k = language * TOPICS.length + topic;
  return START[k]! + Math.floor(u * COUNT[k]!);
}
