/**
 * A page in the layout of Linux's vmclock device (include/uapi/linux/vmclock-abi.h) with the VM
 * generation counter present and set to `generation`: what a hypervisor would show, for the
 * benchmark and the report to map from a file they control. (test/clone/helpers.ts writes its
 * own from the header's numbers, so that the specs do not trust this one.)
 */
export function vmclockPage(generation: bigint): Uint8Array {
  const page = new Uint8Array(4096);
  const view = new DataView(page.buffer);
  view.setUint32(0, 0x4b4c4356, true); // VMCLOCK_MAGIC "VCLK"
  view.setUint32(4, 112, true); // size
  view.setUint16(8, 1, true); // version
  view.setBigUint64(24, 1n << 8n, true); // VMCLOCK_FLAG_VM_GEN_COUNTER_PRESENT
  view.setBigUint64(104, generation, true); // vm_generation_counter
  return page;
}
