import statistics
from statistics import StatisticsError

essais = [
    (statistics.mean, []), (statistics.fmean, []), (statistics.median, []),
    (statistics.median_low, []), (statistics.mode, []), (statistics.stdev, [1]),
    (statistics.variance, [3]), (statistics.pvariance, []), (statistics.pstdev, []),
    (statistics.quantiles, [1]), (statistics.harmonic_mean, [-1, 2]),
    (statistics.geometric_mean, [0, 2]), (statistics.harmonic_mean, []),
]
for f, donnees in essais:
    try:
        f(donnees)
    except StatisticsError as e:
        print(f.__name__, "->", e)
print(issubclass(StatisticsError, ValueError), statistics.multimode([]))
try:
    statistics.mean(["a", "b"])
except TypeError as e:
    print("TypeError:", e)
try:
    statistics.correlation([1, 1, 1], [1, 2, 3])
except StatisticsError as e:
    print(e)
