import statistics

notes = [12, 15, 9, 18, 15, 11, 14, 15, 8, 17]
print(statistics.mean(notes), statistics.fmean(notes))
print(statistics.median(notes), statistics.median_low(notes), statistics.median_high(notes))
print(statistics.mode(notes), statistics.multimode(notes), statistics.multimode("aabbbccc"))
print(statistics.mean([1, 2, 3]), statistics.mean([1, 2, 3, 4]), statistics.mean([0.1, 0.2, 0.3]))
print(statistics.mean([1, 2.5]), statistics.mean([True, False, True]), statistics.mean(x / 2 for x in range(7)))
print(statistics.median([3.5, 1.25]), statistics.median([5]), statistics.mode(["rouge", "bleu", "bleu", "rouge"]))
print(statistics.fmean([3.5, 4.0, 5.25], weights=[1, 2, 3]), statistics.median_grouped([52, 52, 53, 54]))
print(statistics.geometric_mean([54, 24, 36]), statistics.harmonic_mean([40, 60]), statistics.harmonic_mean([40, 60], weights=[5, 30]))
