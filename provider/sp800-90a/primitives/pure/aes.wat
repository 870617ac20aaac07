;; AES encryption rounds (FIPS 197 5.1) with T-tables, in ECB and in the counter mode of
;; SP 800-90A 10.2.1.5.1, as WebAssembly. This text is the source; pure/aes-wasm.ts holds its
;; bytes (scripts/build/wat-modules.ts assembles it with wabt). pure/aes.ts expands the key
;; (FIPS 197 5.2), fills the tables, round keys and counter into this memory (layout below),
;; calls `ctr` or `ecb`, and copies the block area out. Each table lookup is one load from
;; linear memory with no bounds check (the engine reserves guard pages), where JavaScript
;; checks every typed-array index: about two thirds of the time per block of the same loop.
;;
;; Memory (bytes): 0 T0 | 1024 T1 | 2048 T2 | 3072 T3 (256 i32 each: SubBytes, ShiftRows and
;; MixColumns of one byte as a big-endian column word, T1..T3 its rotations) | 4096 S-box (256
;; bytes) | 4352 round keys (60 i32, big-endian column words) | 4592 the last round key
;; byte-swapped (4 i32) | 4608 the counter (4 i32, most significant first) | 8192 the block
;; area (4096 blocks). A round key offset `k` counts bytes from 4352; `last` = 16 * rounds.
(module
  (memory (export "memory") 2)

  ;; The rounds from round key offset $k to $last (the state after the rounds before it, as
  ;; big-endian column words), then the final round (SubBytes and ShiftRows, no MixColumns),
  ;; stored at $dst as four little-endian words: the output bytes in order.
  (func $finish (param $s0 i32) (param $s1 i32) (param $s2 i32) (param $s3 i32)
                (param $k i32) (param $last i32) (param $dst i32)
    (local $u0 i32) (local $u1 i32) (local $u2 i32)
    (block $done
      (br_if $done (i32.ge_u (local.get $k) (local.get $last)))
      (loop $round
        (local.set $u0 (i32.xor (i32.xor (i32.xor (i32.xor (i32.load offset=0 (i32.and (i32.shr_u (local.get $s0) (i32.const 22)) (i32.const 1020)))
        (i32.load offset=1024 (i32.and (i32.shr_u (local.get $s1) (i32.const 14)) (i32.const 1020))))
        (i32.load offset=2048 (i32.and (i32.shr_u (local.get $s2) (i32.const 6)) (i32.const 1020))))
        (i32.load offset=3072 (i32.and (i32.shl (local.get $s3) (i32.const 2)) (i32.const 1020))))
        (i32.load offset=4352 (local.get $k))))
        (local.set $u1 (i32.xor (i32.xor (i32.xor (i32.xor (i32.load offset=0 (i32.and (i32.shr_u (local.get $s1) (i32.const 22)) (i32.const 1020)))
        (i32.load offset=1024 (i32.and (i32.shr_u (local.get $s2) (i32.const 14)) (i32.const 1020))))
        (i32.load offset=2048 (i32.and (i32.shr_u (local.get $s3) (i32.const 6)) (i32.const 1020))))
        (i32.load offset=3072 (i32.and (i32.shl (local.get $s0) (i32.const 2)) (i32.const 1020))))
        (i32.load offset=4356 (local.get $k))))
        (local.set $u2 (i32.xor (i32.xor (i32.xor (i32.xor (i32.load offset=0 (i32.and (i32.shr_u (local.get $s2) (i32.const 22)) (i32.const 1020)))
        (i32.load offset=1024 (i32.and (i32.shr_u (local.get $s3) (i32.const 14)) (i32.const 1020))))
        (i32.load offset=2048 (i32.and (i32.shr_u (local.get $s0) (i32.const 6)) (i32.const 1020))))
        (i32.load offset=3072 (i32.and (i32.shl (local.get $s1) (i32.const 2)) (i32.const 1020))))
        (i32.load offset=4360 (local.get $k))))
        (local.set $s3 (i32.xor (i32.xor (i32.xor (i32.xor (i32.load offset=0 (i32.and (i32.shr_u (local.get $s3) (i32.const 22)) (i32.const 1020)))
        (i32.load offset=1024 (i32.and (i32.shr_u (local.get $s0) (i32.const 14)) (i32.const 1020))))
        (i32.load offset=2048 (i32.and (i32.shr_u (local.get $s1) (i32.const 6)) (i32.const 1020))))
        (i32.load offset=3072 (i32.and (i32.shl (local.get $s2) (i32.const 2)) (i32.const 1020))))
        (i32.load offset=4364 (local.get $k))))
        (local.set $s0 (local.get $u0))
        (local.set $s1 (local.get $u1))
        (local.set $s2 (local.get $u2))
        (local.set $k (i32.add (local.get $k) (i32.const 16)))
        (br_if $round (i32.lt_u (local.get $k) (local.get $last)))))
    (i32.store offset=0 (local.get $dst) (i32.xor (i32.xor (i32.xor (i32.xor (i32.load8_u offset=4096 (i32.shr_u (local.get $s0) (i32.const 24)))
        (i32.shl (i32.load8_u offset=4096 (i32.and (i32.shr_u (local.get $s1) (i32.const 16)) (i32.const 255))) (i32.const 8)))
        (i32.shl (i32.load8_u offset=4096 (i32.and (i32.shr_u (local.get $s2) (i32.const 8)) (i32.const 255))) (i32.const 16)))
        (i32.shl (i32.load8_u offset=4096 (i32.and (local.get $s3) (i32.const 255))) (i32.const 24)))
        (i32.load offset=4592 (i32.const 0))))
    (i32.store offset=4 (local.get $dst) (i32.xor (i32.xor (i32.xor (i32.xor (i32.load8_u offset=4096 (i32.shr_u (local.get $s1) (i32.const 24)))
        (i32.shl (i32.load8_u offset=4096 (i32.and (i32.shr_u (local.get $s2) (i32.const 16)) (i32.const 255))) (i32.const 8)))
        (i32.shl (i32.load8_u offset=4096 (i32.and (i32.shr_u (local.get $s3) (i32.const 8)) (i32.const 255))) (i32.const 16)))
        (i32.shl (i32.load8_u offset=4096 (i32.and (local.get $s0) (i32.const 255))) (i32.const 24)))
        (i32.load offset=4596 (i32.const 0))))
    (i32.store offset=8 (local.get $dst) (i32.xor (i32.xor (i32.xor (i32.xor (i32.load8_u offset=4096 (i32.shr_u (local.get $s2) (i32.const 24)))
        (i32.shl (i32.load8_u offset=4096 (i32.and (i32.shr_u (local.get $s3) (i32.const 16)) (i32.const 255))) (i32.const 8)))
        (i32.shl (i32.load8_u offset=4096 (i32.and (i32.shr_u (local.get $s0) (i32.const 8)) (i32.const 255))) (i32.const 16)))
        (i32.shl (i32.load8_u offset=4096 (i32.and (local.get $s1) (i32.const 255))) (i32.const 24)))
        (i32.load offset=4600 (i32.const 0))))
    (i32.store offset=12 (local.get $dst) (i32.xor (i32.xor (i32.xor (i32.xor (i32.load8_u offset=4096 (i32.shr_u (local.get $s3) (i32.const 24)))
        (i32.shl (i32.load8_u offset=4096 (i32.and (i32.shr_u (local.get $s0) (i32.const 16)) (i32.const 255))) (i32.const 8)))
        (i32.shl (i32.load8_u offset=4096 (i32.and (i32.shr_u (local.get $s1) (i32.const 8)) (i32.const 255))) (i32.const 16)))
        (i32.shl (i32.load8_u offset=4096 (i32.and (local.get $s2) (i32.const 255))) (i32.const 24)))
        (i32.load offset=4604 (i32.const 0))))
  )

  ;; $blocks keystream blocks from the counter at 4608 into the block area, advancing the
  ;; counter with carry modulo 2^128 (SP 800-90A 10.2.1.5.1 step 4.1). Counter-mode caching
  ;; (Bernstein and Schwabe, "New AES software speed records", 2008): while only the counter's
  ;; low byte changes, three of round 1's output words are fixed and each of round 2's depends
  ;; on one byte of the fourth, so those lookups run once per 256 blocks (again on every carry
  ;; out of the low byte): a block costs 5 of rounds 1-2's 32 lookups.
  (func (export "ctr") (param $blocks i32) (param $last i32)
    (local $c0 i32) (local $c1 i32) (local $c2 i32) (local $c3 i32)
    (local $s0 i32) (local $s1 i32) (local $s2 i32) (local $s3 i32)
    (local $r1 i32) (local $t0 i32) (local $t1 i32) (local $t2 i32) (local $t3 i32)
    (local $r20 i32) (local $r21 i32) (local $r22 i32) (local $r23 i32)
    (local $k i32) (local $dst i32) (local $end i32) (local $fresh i32)
    (local.set $c0 (i32.load offset=4608 (i32.const 0)))
    (local.set $c1 (i32.load offset=4612 (i32.const 0)))
    (local.set $c2 (i32.load offset=4616 (i32.const 0)))
    (local.set $c3 (i32.load offset=4620 (i32.const 0)))
    (local.set $dst (i32.const 8192))
    (local.set $end (i32.add (i32.const 8192) (i32.shl (local.get $blocks) (i32.const 4))))
    (local.set $fresh (i32.const 1))
    (block $exit
      (br_if $exit (i32.eqz (local.get $blocks)))
      (loop $block
        (if (i32.or (local.get $fresh) (i32.eqz (i32.and (local.get $c3) (i32.const 255))))
          (then
            (local.set $fresh (i32.const 0))
            (local.set $s0 (i32.xor (local.get $c0) (i32.load offset=4352 (i32.const 0))))
            (local.set $s1 (i32.xor (local.get $c1) (i32.load offset=4356 (i32.const 0))))
            (local.set $s2 (i32.xor (local.get $c2) (i32.load offset=4360 (i32.const 0))))
            (local.set $s3 (i32.xor (local.get $c3) (i32.load offset=4364 (i32.const 0))))
            (local.set $r1 (i32.xor (i32.xor (i32.xor (i32.load offset=0 (i32.and (i32.shr_u (local.get $s0) (i32.const 22)) (i32.const 1020)))
        (i32.load offset=1024 (i32.and (i32.shr_u (local.get $s1) (i32.const 14)) (i32.const 1020))))
        (i32.load offset=2048 (i32.and (i32.shr_u (local.get $s2) (i32.const 6)) (i32.const 1020))))
        (i32.load offset=4368 (i32.const 0))))
            (local.set $t1 (i32.xor (i32.xor (i32.xor (i32.xor (i32.load offset=0 (i32.and (i32.shr_u (local.get $s1) (i32.const 22)) (i32.const 1020)))
        (i32.load offset=1024 (i32.and (i32.shr_u (local.get $s2) (i32.const 14)) (i32.const 1020))))
        (i32.load offset=2048 (i32.and (i32.shr_u (local.get $s3) (i32.const 6)) (i32.const 1020))))
        (i32.load offset=3072 (i32.and (i32.shl (local.get $s0) (i32.const 2)) (i32.const 1020))))
        (i32.load offset=4372 (i32.const 0))))
            (local.set $t2 (i32.xor (i32.xor (i32.xor (i32.xor (i32.load offset=0 (i32.and (i32.shr_u (local.get $s2) (i32.const 22)) (i32.const 1020)))
        (i32.load offset=1024 (i32.and (i32.shr_u (local.get $s3) (i32.const 14)) (i32.const 1020))))
        (i32.load offset=2048 (i32.and (i32.shr_u (local.get $s0) (i32.const 6)) (i32.const 1020))))
        (i32.load offset=3072 (i32.and (i32.shl (local.get $s1) (i32.const 2)) (i32.const 1020))))
        (i32.load offset=4376 (i32.const 0))))
            (local.set $t3 (i32.xor (i32.xor (i32.xor (i32.xor (i32.load offset=0 (i32.and (i32.shr_u (local.get $s3) (i32.const 22)) (i32.const 1020)))
        (i32.load offset=1024 (i32.and (i32.shr_u (local.get $s0) (i32.const 14)) (i32.const 1020))))
        (i32.load offset=2048 (i32.and (i32.shr_u (local.get $s1) (i32.const 6)) (i32.const 1020))))
        (i32.load offset=3072 (i32.and (i32.shl (local.get $s2) (i32.const 2)) (i32.const 1020))))
        (i32.load offset=4380 (i32.const 0))))
            (local.set $r20 (i32.xor (i32.xor (i32.xor (i32.load offset=1024 (i32.and (i32.shr_u (local.get $t1) (i32.const 14)) (i32.const 1020)))
        (i32.load offset=2048 (i32.and (i32.shr_u (local.get $t2) (i32.const 6)) (i32.const 1020))))
        (i32.load offset=3072 (i32.and (i32.shl (local.get $t3) (i32.const 2)) (i32.const 1020))))
        (i32.load offset=4384 (i32.const 0))))
            (local.set $r21 (i32.xor (i32.xor (i32.xor (i32.load offset=0 (i32.and (i32.shr_u (local.get $t1) (i32.const 22)) (i32.const 1020)))
        (i32.load offset=1024 (i32.and (i32.shr_u (local.get $t2) (i32.const 14)) (i32.const 1020))))
        (i32.load offset=2048 (i32.and (i32.shr_u (local.get $t3) (i32.const 6)) (i32.const 1020))))
        (i32.load offset=4388 (i32.const 0))))
            (local.set $r22 (i32.xor (i32.xor (i32.xor (i32.load offset=0 (i32.and (i32.shr_u (local.get $t2) (i32.const 22)) (i32.const 1020)))
        (i32.load offset=1024 (i32.and (i32.shr_u (local.get $t3) (i32.const 14)) (i32.const 1020))))
        (i32.load offset=3072 (i32.and (i32.shl (local.get $t1) (i32.const 2)) (i32.const 1020))))
        (i32.load offset=4392 (i32.const 0))))
            (local.set $r23 (i32.xor (i32.xor (i32.xor (i32.load offset=0 (i32.and (i32.shr_u (local.get $t3) (i32.const 22)) (i32.const 1020)))
        (i32.load offset=2048 (i32.and (i32.shr_u (local.get $t1) (i32.const 6)) (i32.const 1020))))
        (i32.load offset=3072 (i32.and (i32.shl (local.get $t2) (i32.const 2)) (i32.const 1020))))
        (i32.load offset=4396 (i32.const 0))))))
        ;; Round 1's varying word, then round 2 from the cached parts.
        (local.set $t0 (i32.xor (local.get $r1)
          (i32.load offset=3072 (i32.and (i32.shl (i32.xor (local.get $c3) (i32.load offset=4364 (i32.const 0))) (i32.const 2)) (i32.const 1020)))))
        (call $finish
          (i32.xor (local.get $r20) (i32.load offset=0 (i32.and (i32.shr_u (local.get $t0) (i32.const 22)) (i32.const 1020))))
          (i32.xor (local.get $r21) (i32.load offset=3072 (i32.and (i32.shl (local.get $t0) (i32.const 2)) (i32.const 1020))))
          (i32.xor (local.get $r22) (i32.load offset=2048 (i32.and (i32.shr_u (local.get $t0) (i32.const 6)) (i32.const 1020))))
          (i32.xor (local.get $r23) (i32.load offset=1024 (i32.and (i32.shr_u (local.get $t0) (i32.const 14)) (i32.const 1020))))
          (i32.const 48) (local.get $last) (local.get $dst))
        (local.set $c3 (i32.add (local.get $c3) (i32.const 1)))
        (if (i32.eqz (local.get $c3))
          (then
            (local.set $c2 (i32.add (local.get $c2) (i32.const 1)))
            (if (i32.eqz (local.get $c2))
              (then
                (local.set $c1 (i32.add (local.get $c1) (i32.const 1)))
                (if (i32.eqz (local.get $c1))
                  (then (local.set $c0 (i32.add (local.get $c0) (i32.const 1)))))))))
        (local.set $dst (i32.add (local.get $dst) (i32.const 16)))
        (br_if $block (i32.lt_u (local.get $dst) (local.get $end)))))
    (i32.store offset=4608 (i32.const 0) (local.get $c0))
    (i32.store offset=4612 (i32.const 0) (local.get $c1))
    (i32.store offset=4616 (i32.const 0) (local.get $c2))
    (i32.store offset=4620 (i32.const 0) (local.get $c3)))

  ;; A big-endian word from memory (the bytes of a block in FIPS 197's column order).
  (func $loadBe (param $p i32) (result i32)
    (local $x i32)
    (local.set $x (i32.load (local.get $p)))
    (i32.or
      (i32.and (i32.rotl (local.get $x) (i32.const 8)) (i32.const 0x00ff00ff))
      (i32.and (i32.rotr (local.get $x) (i32.const 8)) (i32.const 0xff00ff00))))

  ;; ECB (FIPS 197 5.1) over $blocks blocks of the block area, in place.
  (func (export "ecb") (param $blocks i32) (param $last i32)
    (local $p i32) (local $end i32)
    (local.set $p (i32.const 8192))
    (local.set $end (i32.add (i32.const 8192) (i32.shl (local.get $blocks) (i32.const 4))))
    (block $exit
      (br_if $exit (i32.eqz (local.get $blocks)))
      (loop $block
        (call $finish
          (i32.xor (call $loadBe (local.get $p)) (i32.load offset=4352 (i32.const 0)))
          (i32.xor (call $loadBe (i32.add (local.get $p) (i32.const 4))) (i32.load offset=4356 (i32.const 0)))
          (i32.xor (call $loadBe (i32.add (local.get $p) (i32.const 8))) (i32.load offset=4360 (i32.const 0)))
          (i32.xor (call $loadBe (i32.add (local.get $p) (i32.const 12))) (i32.load offset=4364 (i32.const 0)))
          (i32.const 16) (local.get $last) (local.get $p))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br_if $block (i32.lt_u (local.get $p) (local.get $end))))))
)
