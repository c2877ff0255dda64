/** Whether the dashboard must be (re)built: false, or why (scripts/needs-build.js). */
export function needsBuild(web: string): false | string;
