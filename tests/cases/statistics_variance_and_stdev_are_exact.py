import statistics as st

notes = [12, 15, 9, 18, 15, 11, 14, 15, 8, 17]
print(st.variance(notes), st.pvariance(notes), st.stdev(notes), st.pstdev(notes))
print(st.variance([2.75, 1.75, 1.25, 0.25, 0.5, 1.25, 3.5]))
print(st.stdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]), st.pstdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]))
print(st.pvariance([1, 2, 3, 4]), st.variance([1, 2, 3, 4, 5]), st.variance([1, 3]), st.stdev([2, 2, 2]))
m = st.mean(notes)
print(st.variance(notes, m), st.pvariance(notes, mu=m), st.variance([0.1] * 5 + [0.2] * 5))
print(st.stdev([1e9 + 0.1, 1e9 + 0.2, 1e9 + 0.3]), st.variance(range(100)))
