//! `random`'s generator: MT19937 seeded exactly as CPython's `random.seed(int)`
//! (`init_by_array` over the 32-bit words of |n|), and the derived methods, so a
//! seeded program draws the same numbers as under CPython.

const N: usize = 624;
const M: usize = 397;

/// CPython's `random.Random` state.
#[derive(Clone)]
pub struct MersenneTwister {
    mt: [u32; N],
    index: usize,
}

impl MersenneTwister {
    fn init_genrand(s: u32) -> Self {
        let mut mt = [0u32; N];
        mt[0] = s;
        for i in 1..N {
            mt[i] = 1812433253u32
                .wrapping_mul(mt[i - 1] ^ (mt[i - 1] >> 30))
                .wrapping_add(i as u32);
        }
        MersenneTwister { mt, index: N }
    }

    /// `init_by_array(key)`.
    pub fn from_key(key: &[u32]) -> Self {
        let mut g = Self::init_genrand(19650218);
        let mt = &mut g.mt;
        let (mut i, mut j) = (1usize, 0usize);
        let klen = key.len().max(1);
        for _ in 0..N.max(klen) {
            let prev = mt[i - 1] ^ (mt[i - 1] >> 30);
            mt[i] = (mt[i] ^ prev.wrapping_mul(1664525))
                .wrapping_add(*key.get(j).unwrap_or(&0))
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if j >= klen {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = mt[i - 1] ^ (mt[i - 1] >> 30);
            mt[i] = (mt[i] ^ prev.wrapping_mul(1566083941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = 0x8000_0000;
        g
    }

    /// `random.seed(n)` for an integer given as its magnitude's little-endian
    /// 32-bit words (CPython uses |n|; 0 gives the key `[0]`).
    pub fn seed_words(words: &[u32]) -> Self {
        let mut key: Vec<u32> = words.to_vec();
        while key.len() > 1 && key.last() == Some(&0) {
            key.pop();
        }
        if key.is_empty() {
            key.push(0);
        }
        Self::from_key(&key)
    }

    /// `random.seed(n)` for |n| < 2**64.
    pub fn new(seed: u64) -> Self {
        Self::seed_words(&[seed as u32, (seed >> 32) as u32])
    }

    /// `random.seed(n)` for a machine integer.
    pub fn seed_i64(n: i64) -> Self {
        let m = n.unsigned_abs();
        Self::seed_words(&[m as u32, (m >> 32) as u32])
    }

    /// `genrand_uint32`.
    pub fn next_u32(&mut self) -> u32 {
        if self.index >= N {
            self.twist();
        }
        let mut y = self.mt[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    fn twist(&mut self) {
        const MAG: [u32; 2] = [0, 0x9908_b0df];
        for k in 0..N {
            let y = (self.mt[k] & 0x8000_0000) | (self.mt[(k + 1) % N] & 0x7fff_ffff);
            self.mt[k] = self.mt[(k + M) % N] ^ (y >> 1) ^ MAG[(y & 1) as usize];
        }
        self.index = 0;
    }

    /// `random.random()`: 53 random bits in [0, 1).
    pub fn random(&mut self) -> f64 {
        let a = (self.next_u32() >> 5) as f64;
        let b = (self.next_u32() >> 6) as f64;
        (a * 67108864.0 + b) * (1.0 / 9007199254740992.0)
    }

    /// `random.getrandbits(k)` as little-endian 32-bit words.
    pub fn getrandbits_words(&mut self, k: u32) -> Vec<u32> {
        let mut words = Vec::new();
        let mut left = k;
        while left > 0 {
            let mut r = self.next_u32();
            if left < 32 {
                r >>= 32 - left;
            }
            words.push(r);
            left = left.saturating_sub(32);
        }
        words
    }

    /// `random.getrandbits(k)` for k ≤ 64.
    pub fn getrandbits(&mut self, k: u32) -> u64 {
        let w = self.getrandbits_words(k.min(64));
        w.iter().rev().fold(0u64, |acc, x| (acc << 32) | *x as u64)
    }

    /// `_randbelow(n)`: uniform in [0, n), by rejection on `n.bit_length()` bits.
    pub fn randbelow(&mut self, n: u64) -> u64 {
        if n <= 1 {
            return 0;
        }
        let k = 64 - n.leading_zeros();
        loop {
            let r = self.getrandbits(k);
            if r < n {
                return r;
            }
        }
    }

    /// `random.randint(a, b)`.
    pub fn randint(&mut self, a: i64, b: i64) -> i64 {
        a + self.randbelow((b - a + 1) as u64) as i64
    }

    /// `random.uniform(a, b)`.
    pub fn uniform(&mut self, a: f64, b: f64) -> f64 {
        a + (b - a) * self.random()
    }

    /// `random.shuffle(x)`, in place.
    pub fn shuffle<T>(&mut self, x: &mut [T]) {
        for i in (1..x.len()).rev() {
            let j = self.randbelow(i as u64 + 1) as usize;
            x.swap(i, j);
        }
    }

    /// The indices `random.sample(population, k)` picks, in order, for a
    /// population of size `n` (CPython switches between a pool and a set).
    pub fn sample_indices(&mut self, n: usize, k: usize) -> Vec<usize> {
        let mut setsize = 21usize;
        if k > 5 {
            let mut p = 1usize;
            // 4 ** ceil(log(k * 3, 4))
            while p < k * 3 {
                p *= 4;
            }
            setsize += p;
        }
        let mut result = Vec::with_capacity(k);
        if n <= setsize {
            let mut pool: Vec<usize> = (0..n).collect();
            for i in 0..k {
                let j = self.randbelow((n - i) as u64) as usize;
                result.push(pool[j]);
                pool[j] = pool[n - i - 1];
            }
        } else {
            let mut selected = std::collections::HashSet::new();
            for _ in 0..k {
                let mut j = self.randbelow(n as u64) as usize;
                while selected.contains(&j) {
                    j = self.randbelow(n as u64) as usize;
                }
                selected.insert(j);
                result.push(j);
            }
        }
        result
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Expected values printed by CPython 3.11.
    #[test]
    fn seeded_random_floats_match_cpython() {
        let mut g = MersenneTwister::seed_i64(42);
        let got: Vec<f64> = (0..3).map(|_| g.random()).collect();
        assert_eq!(
            got,
            [
                0.6394267984578837,
                0.025010755222666936,
                0.27502931836911926
            ]
        );
        assert_eq!(MersenneTwister::seed_i64(-5).random(), 0.6229016948897019);
    }

    #[test]
    fn randint_shuffle_choice_uniform_and_sample_match_cpython() {
        let mut g = MersenneTwister::seed_i64(42);
        let got: Vec<i64> = (0..5).map(|_| g.randint(1, 100)).collect();
        assert_eq!(got, [82, 15, 4, 95, 36]);
        let mut g = MersenneTwister::seed_i64(0);
        let mut l: Vec<i32> = (0..10).collect();
        g.shuffle(&mut l);
        assert_eq!(l, [7, 8, 1, 5, 3, 4, 2, 0, 9, 6]);
        let mut g = MersenneTwister::seed_i64(1);
        assert_eq!("abcdef".as_bytes()[g.randbelow(6) as usize], b'b');
        assert_eq!(g.uniform(1.0, 2.0), 1.5692038748222124);
        assert_eq!(g.sample_indices(100, 5), [97, 8, 32, 15, 63]);
        assert_eq!(g.sample_indices(10, 7), [7, 9, 6, 8, 1, 0, 3]);
    }

    #[test]
    fn a_seed_wider_than_32_bits_uses_every_word() {
        let mut g = MersenneTwister::seed_i64((1 << 40) + 7);
        assert_eq!(g.random(), 0.6137037779936511);
        // getrandbits(70) = 1124106443655682611893
        let w = g.getrandbits_words(70);
        let v = w
            .iter()
            .rev()
            .fold(0u128, |acc, x| (acc << 32) | *x as u128);
        assert_eq!(v, 1124106443655682611893);
    }
}
