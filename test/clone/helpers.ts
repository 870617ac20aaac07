/** Test helpers for the clone-safety specs. The layout is written from the kernel header's
 * numbers, not from provider/platform/generation-counter.ts, so that a wrong offset there fails. */
/**
 * A vmclock page (include/uapi/linux/vmclock-abi.h) with the generation counter present and set
 * to `generation`: what a hypervisor would show, written to a file a test controls.
 */
export function vmclockPage(generation: bigint, options: { magic?: number; version?: number; flags?: bigint; size?: number; seqCount?: number } = {}): Uint8Array {
  const page = new Uint8Array(4096);
  const view = new DataView(page.buffer);
  view.setUint32(0, options.magic ?? 0x4b4c4356, true); // "VCLK"
  view.setUint32(4, options.size ?? 112, true);
  view.setUint16(8, options.version ?? 1, true);
  view.setUint32(12, options.seqCount ?? 2, true); // seq_count: odd while the hypervisor writes
  view.setBigUint64(24, options.flags ?? 1n << 8n, true); // VMCLOCK_FLAG_VM_GEN_COUNTER_PRESENT
  view.setBigUint64(104, generation, true);
  return page;
}
