from datetime import date, datetime, time, timedelta

d = date(2024, 6, 21)
t = time(18, 30)
dt = datetime.combine(d, t)
print(dt, repr(dt), dt.date(), dt.time(), repr(dt.time()))
print(dt.replace(hour=20, minute=0), dt.replace(day=1), dt.weekday(), dt.timetuple()[:6])
print(dt + timedelta(hours=6), dt - datetime(2024, 1, 1), (dt - datetime(2024, 6, 20, 20)).total_seconds())
print(datetime(2024, 1, 1) < dt, dt == datetime(2024, 6, 21, 18, 30), dt == d, max(dt, datetime(2025, 1, 1)))
print(datetime(2024, 3, 31, 23, 59, 59) + timedelta(seconds=1))
print(datetime.min, datetime.max, repr(datetime(2024, 1, 1, 0, 0)))
