(* randshim's driver for mirage-crypto-rng (Debian bookworm's libmirage-crypto-ocaml-dev 0.10.7).
 *
 * Reads a script, one JSON object per line, on stdin and answers each line with one JSON line
 * on stdout, so that the same script can be replayed on randshim's Fortuna and HMAC_DRBG
 * (interop/builds/mirage-crypto/runner.ts) and every output byte compared.
 *
 *   {"op":"version"}                           -> {"version":"0.10.7"}
 *   {"op":"fortuna","time":true|false}         -> a fresh Mirage_crypto_rng.Fortuna generator,
 *        created with ~time reading the scripted clock below when "time" is true (0.10.7's
 *        Fortuna then reseeds from its pools at most once per second), without it otherwise
 *   {"op":"clock","ns":"<decimal int64>"}      -> sets the scripted clock
 *   {"op":"reseed","data":"<hex>"}             -> Fortuna.reseed (or Hmac_drbg.reseed, see below)
 *   {"op":"acc","source":s,"data":"<hex>"}     -> one event through source s's accumulator
 *        handle (Fortuna.accumulate ~g source, made once per source and reused, as
 *        Entropy.timer_accumulator does; its pool index starts at 0 and moves on by one)
 *   {"op":"handle","source":s}                 -> a new handle for source s (pool index back to 0)
 *   {"op":"generate","n":n}                    -> {"out":"<hex>"} or {"error":"unseeded"}
 *   {"op":"seeded"}                            -> {"seeded":true|false}
 *   {"op":"header","source":s,"data":"<hex>"}  -> {"out":hex of Entropy.header s data} (any int s)
 *   {"op":"hmac"}                              -> the current generator becomes a fresh
 *        Mirage_crypto_rng.Hmac_drbg (Mirage_crypto.Hash.SHA256); reseed/generate/seeded
 *        then act on it
 *
 * Every other line answers {"error":"..."}; the driver never stops on a bad line. Values are
 * restricted to what the runner writes: strings, integers and booleans, no nesting. *)

open Mirage_crypto_rng

(* ---- a small JSON-object reader (flat objects of strings, integers, booleans) ---- *)

type value = Str of string | Int of int | Bool of bool

exception Bad of string

let parse_object line =
  let n = String.length line in
  let pos = ref 0 in
  let peek () = if !pos < n then line.[!pos] else '\000' in
  let skip_ws () = while !pos < n && (line.[!pos] = ' ' || line.[!pos] = '\t' || line.[!pos] = '\r') do incr pos done in
  let expect c = skip_ws (); if peek () <> c then raise (Bad (Printf.sprintf "expected '%c' at %d" c !pos)); incr pos in
  let read_string () =
    expect '"';
    let b = Buffer.create 64 in
    while peek () <> '"' do
      if !pos >= n then raise (Bad "unterminated string");
      if peek () = '\\' then raise (Bad "escapes are not used by the runner");
      Buffer.add_char b (peek ()); incr pos
    done;
    incr pos; Buffer.contents b in
  let read_value () =
    skip_ws ();
    match peek () with
    | '"' -> Str (read_string ())
    | 't' when !pos + 4 <= n && String.sub line !pos 4 = "true" -> pos := !pos + 4; Bool true
    | 'f' when !pos + 5 <= n && String.sub line !pos 5 = "false" -> pos := !pos + 5; Bool false
    | '-' | '0' .. '9' ->
      let start = !pos in
      incr pos;
      while !pos < n && line.[!pos] >= '0' && line.[!pos] <= '9' do incr pos done;
      Int (int_of_string (String.sub line start (!pos - start)))
    | _ -> raise (Bad (Printf.sprintf "unexpected value at %d" !pos)) in
  expect '{';
  let fields = ref [] in
  skip_ws ();
  if peek () = '}' then incr pos
  else begin
    let continue = ref true in
    while !continue do
      let k = read_string () in
      expect ':';
      fields := (k, read_value ()) :: !fields;
      skip_ws ();
      if peek () = ',' then incr pos else (expect '}'; continue := false)
    done
  end;
  !fields

let field fields k = try List.assoc k fields with Not_found -> raise (Bad ("missing field " ^ k))
let str fields k = match field fields k with Str s -> s | _ -> raise (Bad (k ^ " is not a string"))
let int fields k = match field fields k with Int i -> i | _ -> raise (Bad (k ^ " is not an integer"))
let bool fields k = match field fields k with Bool b -> b | _ -> raise (Bad (k ^ " is not a boolean"))

(* ---- hex ---- *)

let of_hex s =
  let n = String.length s in
  if n mod 2 <> 0 then raise (Bad "odd-length hex");
  let digit c = match c with
    | '0' .. '9' -> Char.code c - 48
    | 'a' .. 'f' -> Char.code c - 87
    | 'A' .. 'F' -> Char.code c - 55
    | _ -> raise (Bad "not hex") in
  let cs = Cstruct.create (n / 2) in
  for i = 0 to n / 2 - 1 do
    Cstruct.set_uint8 cs i ((digit s.[2 * i] lsl 4) lor digit s.[2 * i + 1])
  done;
  cs

let to_hex cs =
  let b = Buffer.create (2 * Cstruct.length cs) in
  for i = 0 to Cstruct.length cs - 1 do
    Buffer.add_string b (Printf.sprintf "%02x" (Cstruct.get_uint8 cs i))
  done;
  Buffer.contents b

(* ---- state ---- *)

module Hmac_sha256 = Hmac_drbg (Mirage_crypto.Hash.SHA256)

(* Entropy.source is abstract: the n-th registered source has id n, so registering 256 names
 * at start gives a source for every id the one-byte header can carry. *)
let sources = Array.init 256 (fun i -> Entropy.register_source (Printf.sprintf "script-%d" i))

let clock = ref 0L

type current = No_generator | Fortuna_g of Fortuna.g | Hmac_g of Hmac_sha256.g

let current = ref No_generator
let handles : (int, Cstruct.t -> unit) Hashtbl.t = Hashtbl.create 16

let source_of fields =
  let s = int fields "source" in
  if s < 0 || s > 255 then raise (Bad "source must be 0..255");
  s

let handle_for g s =
  match Hashtbl.find_opt handles s with
  | Some h -> h
  | None ->
    let `Acc h = Fortuna.accumulate ~g sources.(s) in
    Hashtbl.replace handles s h; h

let ok = "{\"ok\":true}"

let run fields =
  match str fields "op", !current with
  | "version", _ -> "{\"version\":\"%%VERSION%%\"}"
  | "fortuna", _ ->
    let time = if bool fields "time" then Some (fun () -> !clock) else None in
    current := Fortuna_g (Fortuna.create ?time ());
    Hashtbl.reset handles; ok
  | "hmac", _ -> current := Hmac_g (Hmac_sha256.create ()); Hashtbl.reset handles; ok
  | "clock", _ -> clock := Int64.of_string (str fields "ns"); ok
  | "header", _ -> Printf.sprintf "{\"out\":\"%s\"}" (to_hex (Entropy.header (int fields "source") (of_hex (str fields "data"))))
  | "reseed", Fortuna_g g -> Fortuna.reseed ~g (of_hex (str fields "data")); ok
  | "reseed", Hmac_g g -> Hmac_sha256.reseed ~g (of_hex (str fields "data")); ok
  | "acc", Fortuna_g g -> let s = source_of fields in handle_for g s (of_hex (str fields "data")); ok
  | "handle", Fortuna_g g ->
    let s = source_of fields in
    Hashtbl.remove handles s;
    let (_ : Cstruct.t -> unit) = handle_for g s in ok
  | "generate", Fortuna_g g ->
    (try Printf.sprintf "{\"out\":\"%s\"}" (to_hex (Fortuna.generate ~g (int fields "n")))
     with Unseeded_generator -> "{\"error\":\"unseeded\"}")
  | "generate", Hmac_g g ->
    (try Printf.sprintf "{\"out\":\"%s\"}" (to_hex (Hmac_sha256.generate ~g (int fields "n")))
     with Unseeded_generator -> "{\"error\":\"unseeded\"}")
  | "seeded", Fortuna_g g -> Printf.sprintf "{\"seeded\":%b}" (Fortuna.seeded ~g)
  | "seeded", Hmac_g g -> Printf.sprintf "{\"seeded\":%b}" (Hmac_sha256.seeded ~g)
  | op, No_generator -> raise (Bad (op ^ " before fortuna or hmac"))
  | op, _ -> raise (Bad ("unknown op, or not one of this generator: " ^ op))

let () =
  try
    while true do
      let line = input_line stdin in
      if String.trim line <> "" then begin
        let answer =
          try run (parse_object line) with
          | Bad msg -> Printf.sprintf "{\"error\":\"%s\"}" (String.escaped msg)
          | Invalid_argument msg | Failure msg -> Printf.sprintf "{\"error\":\"%s\"}" (String.escaped msg)
        in
        print_string answer; print_char '\n'
      end
    done
  with End_of_file -> flush stdout
