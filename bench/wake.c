// Wake-up cost on this machine (docs/performance.md, "Where the time goes"): `gcc -O2 -pthread bench/wake.c -o /tmp/wake && /tmp/wake`.
// Round trip of a wake-up between two threads over pipes: busy (back to back) and after the peer went idle.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>
static int a[2], b[2];
static void *peer(void *x) { char c; for (;;) { if (read(a[0], &c, 1) != 1) break; write(b[1], &c, 1); } return 0; }
static double now() { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec * 1e6 + t.tv_nsec / 1e3; }
static int cmp(const void *x, const void *y) { double d = *(double *)x - *(double *)y; return d < 0 ? -1 : d > 0; }
int main() {
  pipe(a); pipe(b); pthread_t t; pthread_create(&t, 0, peer, 0);
  enum { N = 2000 }; static double s[N]; char c = 1;
  for (int mode = 0; mode < 2; mode++) {
    for (int i = 0; i < N; i++) {
      if (mode) usleep(2000);
      double t0 = now(); write(a[1], &c, 1); read(b[0], &c, 1); s[i] = now() - t0;
    }
    qsort(s, N, sizeof(double), cmp);
    printf("%s: round trip (2 wake-ups) p50 %.1f us p99 %.1f us\n", mode ? "idle peer (2 ms apart)" : "back to back", s[N / 2], s[N * 99 / 100]);
  }
  return 0;
}
