from datetime import time

debut = time(8, 30)
fin = time(17, 45, 30)
print(debut, fin, repr(fin), time(), time(23, 59, 59, 999999))
print(debut < fin, max(debut, fin), sorted([fin, debut, time(12)]))
print(fin.hour, fin.minute, fin.second, fin.microsecond, fin.replace(second=0))
print(time(9, 5).isoformat(), time(9, 5).isoformat("seconds"), time(9, 5, 0, 1500).isoformat("milliseconds"))
print(f"{fin:%H:%M}", time.min, time.max, time.resolution)
