from datetime import datetime, timedelta, timezone

paris = timezone(timedelta(hours=1), "CET")
u = datetime(2024, 3, 15, 12, 0, tzinfo=timezone.utc)
print(u, repr(u), u.isoformat(), u.tzname(), u.utcoffset())
print(u.astimezone(paris), u.astimezone(timezone(timedelta(hours=-5, minutes=-30))))
print(timezone.utc, repr(timezone.utc), timezone(timedelta(hours=2)), repr(paris))
print(datetime.fromtimestamp(0, timezone.utc), datetime.fromtimestamp(86400 * 365.25, timezone.utc))
print(u.timestamp(), datetime(2024, 1, 1, tzinfo=paris).timestamp())
print(datetime.fromisoformat("2024-03-15T12:00:00+02:00"), datetime.utcfromtimestamp(1000))
try:
    print(datetime(2024, 1, 1) < u)
except TypeError as e:
    print("TypeError:", e)
print(datetime(2024, 1, 1) == u)
