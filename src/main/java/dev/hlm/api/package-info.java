/**
 * The wire model of the vCenter Hybrid Linked Mode API ({@code com.vmware.vcenter.hvc}): records that
 * serialise to exactly the JSON the contract in {@code docs/decisions.md} gives, path constants, and
 * the one configured Jackson mapper. Shared by the client and the simulator, so both speak the same
 * field names; this package imports nothing else of the project.
 */
package dev.hlm.api;
