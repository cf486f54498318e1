from datetime import date, datetime, time, timedelta

essais = [
    lambda: date(2024, 2, 30),
    lambda: date(2023, 2, 29),
    lambda: date(2024, 0, 1),
    lambda: date(0, 1, 1),
    lambda: date(10000, 1, 1),
    lambda: time(24, 0),
    lambda: time(12, 60),
    lambda: time(12, 0, 61),
    lambda: time(0, 0, 0, 1000000),
    lambda: datetime(2024, 1, 1, 25),
    lambda: date(2024, 1, 1.5),
    lambda: date("2024", 1, 1),
    lambda: date.max + timedelta(days=1),
    lambda: date.fromisoformat("2024-1-5"),
]
for f in essais:
    try:
        f()
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__ + ":", e)
