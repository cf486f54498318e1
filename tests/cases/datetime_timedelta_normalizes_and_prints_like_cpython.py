from datetime import timedelta

td = timedelta(days=2, hours=3, minutes=4, seconds=5.5)
print(td, repr(td))
print(td.days, td.seconds, td.microseconds, td.total_seconds())
print(timedelta(hours=25), timedelta(minutes=-1), timedelta(seconds=0.000001), timedelta(0))
print(repr(timedelta(minutes=-1)), repr(timedelta(0)), repr(timedelta(milliseconds=1500)))
print(-td, abs(timedelta(hours=-5)), timedelta(weeks=1, days=-1))
print(timedelta.max, timedelta.min, timedelta.resolution)
print(timedelta(days=1) == timedelta(hours=24), timedelta(minutes=90) > timedelta(hours=1))
print(sum([timedelta(minutes=m) for m in (15, 30, 45)], timedelta()))
