from datetime import date, timedelta

rentree = date(2024, 9, 2)
print(rentree, repr(rentree), rentree.year, rentree.month, rentree.day)
print(rentree.weekday(), rentree.isoweekday(), rentree.isocalendar(), rentree.isocalendar().week)
print(rentree + timedelta(days=30), rentree - timedelta(weeks=2))
noel = date(2024, 12, 25)
print(noel - rentree, (noel - rentree).days, noel > rentree, min(noel, rentree))
print(date(2024, 2, 28) + timedelta(days=1), date(2023, 2, 28) + timedelta(days=1), date(2024, 12, 31) + timedelta(1))
print(rentree.replace(month=10), rentree.toordinal(), date.fromordinal(739131), rentree.ctime())
print(sorted([date(2024, 5, 1), date(2023, 1, 1), date(2024, 1, 2)]))
print(date.min, date.max, date.resolution)
