/*
 * An LD_PRELOAD library (ld.so(8)) that pins what a native `openssl rand` process reads from
 * its environment, so that randshim can reproduce the run byte for byte:
 *
 * - entropy: getentropy(3), getrandom(2) and syscall(SYS_getrandom) are served from the file
 *   $RANDSHIM_PIN_STREAM, in order (OpenSSL 3's seed source, providers/implementations/rands/
 *   seeding/rand_unix.c syscall_random, calls getentropy, else the syscall); running past its
 *   end aborts, so an unplanned read shows as a crash instead of as other bytes;
 * - the process id (getpid(2)) and the wall clock (time(2), gettimeofday(2),
 *   clock_gettime(2)): $RANDSHIM_PIN_PID and $RANDSHIM_PIN_CLOCK_MS;
 * - and it reports, into the file $RANDSHIM_PIN_REPORT at exit, how many entropy bytes were
 *   read, the primary DRBG's address and pthread_self() (part of a parentless DRBG's nonce).
 *   The address is the provider-side PROV_DRBG of RAND_get0_primary(NULL), noted after the
 *   program's first RAND_bytes / RAND_bytes_ex / RAND_load_file that succeeds (then the
 *   primary exists and asking for it has no side effect; asking before, or after a failure,
 *   would create it or try again and queue errors of its own): ossl_drbg_get_seed
 *   (providers/implementations/rands/drbg.c) passes `(unsigned char *)&drbg, sizeof(drbg)`,
 *   that pointer's value, as additional input to every child's pull. It is the second field
 *   of struct evp_rand_ctx_st (crypto/evp/evp_local.h: meth, algctx, parent, ...).
 *
 * Nothing else of the process is changed.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

static unsigned char *stream;
static size_t stream_len, stream_used;
static int stream_loaded;
static void *primary_address;
static int primary_noted;

static void load_stream(void) {
  if (stream_loaded) return;
  stream_loaded = 1;
  const char *path = getenv("RANDSHIM_PIN_STREAM");
  FILE *f = path == NULL ? NULL : fopen(path, "rb");
  if (f == NULL) abort();
  fseek(f, 0, SEEK_END);
  stream_len = (size_t)ftell(f);
  rewind(f);
  stream = malloc(stream_len);
  if (stream == NULL || fread(stream, 1, stream_len, f) != stream_len) abort();
  fclose(f);
}

static void serve(void *buf, size_t n) {
  load_stream();
  if (n > stream_len - stream_used) abort();
  memcpy(buf, stream + stream_used, n);
  stream_used += n;
}

int getentropy(void *buf, size_t n) {
  serve(buf, n);
  return 0;
}

ssize_t getrandom(void *buf, size_t n, unsigned int flags) {
  (void)flags;
  serve(buf, n);
  return (ssize_t)n;
}

long syscall(long number, ...) {
  va_list ap;
  va_start(ap, number);
  long a[6];
  for (int i = 0; i < 6; i++) a[i] = va_arg(ap, long);
  va_end(ap);
  if (number == SYS_getrandom) {
    serve((void *)a[0], (size_t)a[1]);
    return a[1];
  }
  long (*real)(long, ...) = (long (*)(long, ...))dlsym(RTLD_NEXT, "syscall");
  return real(number, a[0], a[1], a[2], a[3], a[4], a[5]);
}

static long long env_number(const char *name) {
  const char *v = getenv(name);
  if (v == NULL) abort();
  return strtoll(v, NULL, 10);
}

pid_t getpid(void) {
  return (pid_t)env_number("RANDSHIM_PIN_PID");
}

static void pinned_now(struct timespec *ts) {
  long long ms = env_number("RANDSHIM_PIN_CLOCK_MS");
  ts->tv_sec = (time_t)(ms / 1000);
  ts->tv_nsec = (long)(ms % 1000) * 1000000L;
}

time_t time(time_t *out) {
  struct timespec ts;
  pinned_now(&ts);
  if (out != NULL) *out = ts.tv_sec;
  return ts.tv_sec;
}

int gettimeofday(struct timeval *tv, void *tz) {
  (void)tz;
  struct timespec ts;
  pinned_now(&ts);
  tv->tv_sec = ts.tv_sec;
  tv->tv_usec = ts.tv_nsec / 1000;
  return 0;
}

int clock_gettime(clockid_t clock, struct timespec *ts) {
  (void)clock;
  pinned_now(ts);
  return 0;
}

static void note_primary(void) {
  if (primary_noted) return;
  primary_noted = 1;
  void *(*get0_primary)(void *) = (void *(*)(void *))dlsym(RTLD_DEFAULT, "RAND_get0_primary");
  void *ctx = get0_primary == NULL ? NULL : get0_primary(NULL);
  if (ctx != NULL) primary_address = ((void **)ctx)[1];
}

int RAND_bytes(unsigned char *buf, int num) {
  int (*real)(unsigned char *, int) = (int (*)(unsigned char *, int))dlsym(RTLD_NEXT, "RAND_bytes");
  int ret = real(buf, num);
  if (ret == 1) note_primary();
  return ret;
}

int RAND_bytes_ex(void *ctx, unsigned char *buf, size_t num, unsigned int strength) {
  int (*real)(void *, unsigned char *, size_t, unsigned int) =
    (int (*)(void *, unsigned char *, size_t, unsigned int))dlsym(RTLD_NEXT, "RAND_bytes_ex");
  int ret = real(ctx, buf, num, strength);
  if (ret == 1) note_primary();
  return ret;
}

int RAND_load_file(const char *file, long max_bytes) {
  int (*real)(const char *, long) = (int (*)(const char *, long))dlsym(RTLD_NEXT, "RAND_load_file");
  int ret = real(file, max_bytes);
  if (ret > 0) note_primary();
  return ret;
}

__attribute__((destructor)) static void report(void) {
  const char *path = getenv("RANDSHIM_PIN_REPORT");
  FILE *f = path == NULL ? NULL : fopen(path, "w");
  if (f == NULL) return;
  fprintf(f, "entropy %zu\nprimary %llu\nthread %llu\n", stream_used,
          (unsigned long long)(uintptr_t)primary_address, (unsigned long long)pthread_self());
  fclose(f);
}
