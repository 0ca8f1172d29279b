/**
 * Faults the simulator can inject into the cloud vCenter's answers: the typed model ({@link
 * dev.hlm.sim.fault.Fault}: which route, what goes wrong, how often) and its one text form, parsed by
 * {@link dev.hlm.sim.fault.FaultSpec} for {@code hlm sim --fault SPEC}. The simulator applies them in one
 * place, as each request arrives. Imports {@code dev.hlm.api} only.
 */
package dev.hlm.sim.fault;
