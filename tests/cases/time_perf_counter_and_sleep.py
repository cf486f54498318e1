import time
debut = time.perf_counter()
time.sleep(0.5)
print(f"après sleep(0.5) : {time.perf_counter() - debut:.1f} s")
time.sleep(1.25)
print(f"total : {time.perf_counter() - debut:.1f} s")
t0 = time.perf_counter()
s = sum(range(1000))
print(s, f"{time.perf_counter() - t0:.1f}")
