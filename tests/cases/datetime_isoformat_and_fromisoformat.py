from datetime import date, datetime, time

dt = datetime(2024, 3, 15, 9, 5, 7)
print(dt.isoformat(), dt.isoformat(" "), dt.isoformat(timespec="minutes"), str(dt))
print(datetime(2024, 3, 15, 9, 5, 7, 500).isoformat(), datetime(2024, 3, 15, 9, 5, 7, 500).isoformat(timespec="milliseconds"))
print(repr(datetime.fromisoformat("2024-03-15T09:05:07")))
print(repr(datetime.fromisoformat("2024-03-15 09:05")), repr(datetime.fromisoformat("2024-03-15")))
print(repr(datetime.fromisoformat("2024-03-15T09:05:07.250")), repr(date.fromisoformat("2024-02-29")))
print(repr(time.fromisoformat("14:30")), repr(time.fromisoformat("14:30:15.5")), time(14, 30).isoformat())
for s in ["15/03/2024", "2024-13-01", "2024-02-30", "", "2024-03-15T25:00"]:
    try:
        print(datetime.fromisoformat(s))
    except ValueError as e:
        print("ValueError:", e)
