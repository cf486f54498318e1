import statistics

heures = [1, 2, 3, 4, 5, 6]
notes = [8, 9.5, 11, 12, 14.5, 15]
print(statistics.covariance(heures, notes), statistics.correlation(heures, notes))
r = statistics.linear_regression(heures, notes)
print(r, round(r.slope, 6), round(r.intercept, 6))
pente, origine = statistics.linear_regression([1, 2, 3, 4, 5], [3, 5, 7, 9, 11])
print(pente, origine, statistics.linear_regression([1, 2, 3], [2, 4, 6], proportional=True))
print(statistics.correlation([1, 2, 3, 4, 5], [5, 4, 3, 2, 1]))
try:
    statistics.covariance([1, 2], [1, 2, 3])
except statistics.StatisticsError as e:
    print(e)
