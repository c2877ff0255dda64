// Event types of the simulation loop; an event's code is `index << 3 | type`.
// Limits: at most 8 types and 2^28 indexes (contacts in flight, agent slots, people, channels).

export const EV_ARRIVAL = 0;
export const EV_CONTACT = 1;
export const EV_LEAVE = 2;
export const EV_SLOT_FREE = 3;
export const EV_ON = 4;
export const EV_OFF = 5;
