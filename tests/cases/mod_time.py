import time
t0 = time.perf_counter()
time.sleep(1.5)
elapsed = time.perf_counter() - t0
print(f"{elapsed:.1f} s")
start = time.time()
for i in range(3):
    time.sleep(0.25)
print(round(time.time() - start, 2), time.monotonic() > 0)
