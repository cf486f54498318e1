from datetime import timedelta

h = timedelta(hours=3)
print(h * 2, 3 * h, h * 1.5, h / 2, h / 7)
print(h / timedelta(minutes=7), h // timedelta(minutes=7), h % timedelta(minutes=7))
print(divmod(h, timedelta(minutes=50)), h // 4, timedelta(seconds=10) / 3)
try:
    h / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
