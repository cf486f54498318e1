import statistics

notes = [12, 15, 9, 18, 15, 11, 14, 15, 8, 17]
print(statistics.quantiles(notes))
print(statistics.quantiles(notes, n=10))
print(statistics.quantiles(notes, n=4, method="inclusive"))
print(statistics.quantiles([1, 2, 3, 4, 5], method="inclusive"), statistics.quantiles(range(1, 101)))
print(statistics.quantiles([1.5, 2.5], n=3), statistics.quantiles([10, 20], n=2))
try:
    statistics.quantiles(notes, n=0)
except statistics.StatisticsError as e:
    print(e)
try:
    statistics.quantiles(notes, method="autre")
except ValueError as e:
    print(e)
