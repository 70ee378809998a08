/**
 * Replaying a Streams app of paperwire: moving its consumer group's committed input offsets back (to the earliest
 * offsets, to a point in time, or to offsets from a file), safely — never while the group has live members.
 */
package io.paperwire.app.replay;
