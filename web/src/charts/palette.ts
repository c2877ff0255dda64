// Colours of the dashboard's charts: distinguishable with colour-vision deficiencies and at
// least 3:1 against white. Limits: series beyond six repeat colours.

export const COLORS = {
  blue: '#2f6db5',
  orange: '#c8671b',
  teal: '#1f8a7e',
  red: '#b3261e',
  grey: '#6b7785',
  purple: '#7b5ea7',
  amber: '#a86b00',
  green: '#2e7d32',
} as const;

export const SERIES = [
  COLORS.blue,
  COLORS.orange,
  COLORS.teal,
  COLORS.purple,
  COLORS.grey,
  COLORS.red,
];

/** Axis and text styling shared by every chart. */
export const AXIS_TEXT = { color: '#3d4753', fontSize: 12 } as const;
export const GRID_LINE = { lineStyle: { color: '#e3e8ee' } } as const;
