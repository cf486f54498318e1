//! A small arbitrary-precision integer: Python ints overflow into it from i64.
//! Sign and magnitude, base 2^32 limbs, schoolbook algorithms (the course's numbers
//! are small; this only has to be correct).

use std::cmp::Ordering;

/// Sign-magnitude integer; `mag` has no trailing zero limbs; zero is `neg == false`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BigInt {
    neg: bool,
    mag: Vec<u32>,
}

fn trim(v: &mut Vec<u32>) {
    while v.last() == Some(&0) {
        v.pop();
    }
}

fn cmp_mag(a: &[u32], b: &[u32]) -> Ordering {
    if a.len() != b.len() {
        return a.len().cmp(&b.len());
    }
    for i in (0..a.len()).rev() {
        if a[i] != b[i] {
            return a[i].cmp(&b[i]);
        }
    }
    Ordering::Equal
}

fn add_mag(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut r = Vec::with_capacity(a.len().max(b.len()) + 1);
    let mut carry = 0u64;
    for i in 0..a.len().max(b.len()) {
        let s = *a.get(i).unwrap_or(&0) as u64 + *b.get(i).unwrap_or(&0) as u64 + carry;
        r.push(s as u32);
        carry = s >> 32;
    }
    if carry > 0 {
        r.push(carry as u32);
    }
    r
}

/// a - b with |a| >= |b|
fn sub_mag(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut r = Vec::with_capacity(a.len());
    let mut borrow = 0i64;
    for (i, &x) in a.iter().enumerate() {
        let mut d = x as i64 - *b.get(i).unwrap_or(&0) as i64 - borrow;
        if d < 0 {
            d += 1 << 32;
            borrow = 1;
        } else {
            borrow = 0;
        }
        r.push(d as u32);
    }
    trim(&mut r);
    r
}

/// Below this many limbs (in the shorter factor) the schoolbook product is faster.
const KARATSUBA_CUTOFF: usize = 40;

/// `acc[at..] += v` (acc is long enough for the result).
fn add_into(acc: &mut [u32], v: &[u32], at: usize) {
    let mut carry = 0u64;
    let mut i = 0;
    while i < v.len() || carry > 0 {
        let t = acc[at + i] as u64 + *v.get(i).unwrap_or(&0) as u64 + carry;
        acc[at + i] = t as u32;
        carry = t >> 32;
        i += 1;
    }
}

/// Product of magnitudes: Karatsuba above the cutoff (`2 ** (10 ** 8)` and
/// friends: CPython multiplies the same way), schoolbook below it.
fn mul_mag(a: &[u32], b: &[u32]) -> Vec<u32> {
    let (a, b) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    if b.is_empty() {
        return vec![];
    }
    if b.len() < KARATSUBA_CUTOFF {
        return mul_school(a, b);
    }
    let mut r = vec![0u32; a.len() + b.len() + 1];
    if a.len() >= 2 * b.len() {
        // Unbalanced: b times each b-sized slice of a.
        for (k, chunk) in a.chunks(b.len()).enumerate() {
            add_into(&mut r, &mul_mag(chunk, b), k * b.len());
        }
    } else {
        let m = a.len() / 2;
        let (a0, a1) = a.split_at(m);
        let (b0, b1) = b.split_at(m);
        let z0 = mul_mag(a0, b0);
        let z2 = mul_mag(a1, b1);
        let mut z1 = mul_mag(&add_mag(a0, a1), &add_mag(b0, b1));
        trim(&mut z1);
        let z1 = sub_mag(&sub_mag(&z1, &z0), &z2);
        add_into(&mut r, &z0, 0);
        add_into(&mut r, &z1, m);
        add_into(&mut r, &z2, 2 * m);
    }
    trim(&mut r);
    r
}

fn mul_school(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut r = vec![0u32; a.len() + b.len()];
    for (i, &x) in a.iter().enumerate() {
        let mut carry = 0u64;
        for (j, &y) in b.iter().enumerate() {
            let t = r[i + j] as u64 + x as u64 * y as u64 + carry;
            r[i + j] = t as u32;
            carry = t >> 32;
        }
        let mut k = i + b.len();
        while carry > 0 {
            let t = r[k] as u64 + carry;
            r[k] = t as u32;
            carry = t >> 32;
            k += 1;
        }
    }
    trim(&mut r);
    r
}

/// Divide magnitude by a small number, returning (quotient, remainder).
fn divmod_small(a: &[u32], d: u32) -> (Vec<u32>, u32) {
    let mut q = vec![0u32; a.len()];
    let mut rem = 0u64;
    for i in (0..a.len()).rev() {
        let cur = (rem << 32) | a[i] as u64;
        q[i] = (cur / d as u64) as u32;
        rem = cur % d as u64;
    }
    trim(&mut q);
    (q, rem as u32)
}

/// Truncating magnitude division by shift-and-subtract on bits (simple, O(n^2) limbs).
fn divmod_mag(a: &[u32], b: &[u32]) -> (Vec<u32>, Vec<u32>) {
    if cmp_mag(a, b) == Ordering::Less {
        return (vec![], a.to_vec());
    }
    if b.len() == 1 {
        let (q, r) = divmod_small(a, b[0]);
        let mut r = vec![r];
        trim(&mut r);
        return (q, r);
    }
    let bits = a.len() * 32;
    let mut q = vec![0u32; a.len()];
    let mut r: Vec<u32> = Vec::new();
    for i in (0..bits).rev() {
        // r = r*2 + bit i of a
        let mut carry = (a[i / 32] >> (i % 32)) & 1;
        for limb in r.iter_mut() {
            let nc = *limb >> 31;
            *limb = (*limb << 1) | carry;
            carry = nc;
        }
        if carry > 0 {
            r.push(carry);
        }
        if cmp_mag(&r, b) != Ordering::Less {
            r = sub_mag(&r, b);
            q[i / 32] |= 1 << (i % 32);
        }
    }
    trim(&mut q);
    (q, r)
}

impl BigInt {
    /// Zero.
    pub fn zero() -> Self {
        BigInt {
            neg: false,
            mag: vec![],
        }
    }

    fn make(neg: bool, mut mag: Vec<u32>) -> Self {
        trim(&mut mag);
        let neg = neg && !mag.is_empty();
        BigInt { neg, mag }
    }

    /// From a machine integer.
    pub fn from_i64(v: i64) -> Self {
        let m = v.unsigned_abs();
        Self::make(v < 0, vec![m as u32, (m >> 32) as u32])
    }

    /// Back to a machine integer when it fits.
    pub fn to_i64(&self) -> Option<i64> {
        if self.mag.len() > 2 {
            return None;
        }
        let m =
            *self.mag.first().unwrap_or(&0) as u64 | (*self.mag.get(1).unwrap_or(&0) as u64) << 32;
        if self.neg {
            if m <= 1u64 << 63 {
                Some((m as i64).wrapping_neg())
            } else {
                None
            }
        } else if m < 1u64 << 63 {
            Some(m as i64)
        } else {
            None
        }
    }

    /// Parse digits (underscores allowed) in `radix`; `None` if a digit is invalid.
    pub fn parse(s: &str, radix: u32) -> Option<Self> {
        let (neg, s) = match s.strip_prefix('-') {
            Some(r) => (true, r),
            None => (false, s.strip_prefix('+').unwrap_or(s)),
        };
        let mut mag: Vec<u32> = vec![];
        let mut any = false;
        for c in s.chars() {
            if c == '_' {
                continue;
            }
            let d = c.to_digit(radix)?;
            any = true;
            // mag = mag * radix + d
            let mut carry = d as u64;
            for limb in mag.iter_mut() {
                let t = *limb as u64 * radix as u64 + carry;
                *limb = t as u32;
                carry = t >> 32;
            }
            if carry > 0 {
                mag.push(carry as u32);
            }
        }
        if !any {
            return None;
        }
        Some(Self::make(neg, mag))
    }

    /// Is it below zero?
    pub fn is_negative(&self) -> bool {
        self.neg
    }

    /// Is it zero?
    pub fn is_zero(&self) -> bool {
        self.mag.is_empty()
    }

    /// Negation.
    pub fn neg(&self) -> Self {
        Self::make(!self.neg, self.mag.clone())
    }

    /// Absolute value.
    pub fn abs(&self) -> Self {
        Self::make(false, self.mag.clone())
    }

    /// Sum.
    pub fn add(&self, o: &Self) -> Self {
        if self.neg == o.neg {
            return Self::make(self.neg, add_mag(&self.mag, &o.mag));
        }
        match cmp_mag(&self.mag, &o.mag) {
            Ordering::Less => Self::make(o.neg, sub_mag(&o.mag, &self.mag)),
            _ => Self::make(self.neg, sub_mag(&self.mag, &o.mag)),
        }
    }

    /// Difference.
    pub fn sub(&self, o: &Self) -> Self {
        self.add(&o.neg())
    }

    /// Product.
    pub fn mul(&self, o: &Self) -> Self {
        Self::make(self.neg != o.neg, mul_mag(&self.mag, &o.mag))
    }

    /// Floor division and modulo with Python's signs; `None` on division by zero.
    pub fn divmod(&self, o: &Self) -> Option<(Self, Self)> {
        if o.is_zero() {
            return None;
        }
        let (q, r) = divmod_mag(&self.mag, &o.mag);
        let mut q = Self::make(self.neg != o.neg, q);
        let mut r = Self::make(self.neg, r);
        if !r.is_zero() && r.neg != o.neg {
            q = q.sub(&BigInt::from_i64(1));
            r = r.add(o);
        }
        Some((q, r))
    }

    /// `self * 2**s`.
    pub fn shl(&self, s: u64) -> Self {
        if self.is_zero() {
            return Self::zero();
        }
        let (limbs, bits) = ((s / 32) as usize, (s % 32) as u32);
        let mut mag = vec![0u32; limbs];
        mag.reserve(self.mag.len() + 1);
        let mut carry = 0u32;
        for &x in &self.mag {
            mag.push(if bits == 0 { x } else { (x << bits) | carry });
            carry = if bits == 0 { 0 } else { x >> (32 - bits) };
        }
        mag.push(carry);
        Self::make(self.neg, mag)
    }

    /// `self // 2**s` (floor, as Python's `>>`).
    pub fn shr(&self, s: u64) -> Self {
        let (limbs, bits) = ((s / 32) as usize, (s % 32) as u32);
        if limbs >= self.mag.len() {
            return BigInt::from_i64(if self.neg { -1 } else { 0 });
        }
        let src = &self.mag[limbs..];
        let mut mag = Vec::with_capacity(src.len());
        for i in 0..src.len() {
            let hi = if bits == 0 {
                0
            } else {
                src.get(i + 1).map_or(0, |h| h << (32 - bits))
            };
            mag.push((src[i] >> bits) | hi);
        }
        let q = Self::make(self.neg, mag);
        // Floor for negatives: one less when any bit shifted out was set.
        let lost = self.mag[..limbs].iter().any(|&x| x != 0)
            || (bits > 0 && self.mag[limbs] & ((1u32 << bits) - 1) != 0);
        if self.neg && lost {
            q.sub(&BigInt::from_i64(1))
        } else {
            q
        }
    }

    /// Power with a non-negative exponent.
    pub fn pow(&self, mut e: u64) -> Self {
        // A power of two raised: a shift (`2 ** (10 ** 8)` at once).
        let bits = self.bit_length();
        if bits > 0 && self.mag.iter().map(|x| x.count_ones()).sum::<u32>() == 1 {
            let r = BigInt::from_i64(1).shl((bits - 1).saturating_mul(e));
            return if self.neg && e % 2 == 1 { r.neg() } else { r };
        }
        let mut base = self.clone();
        let mut acc = BigInt::from_i64(1);
        while e > 0 {
            if e & 1 == 1 {
                acc = acc.mul(&base);
            }
            e >>= 1;
            if e > 0 {
                base = base.mul(&base);
            }
        }
        acc
    }

    /// Total order.
    #[allow(clippy::should_implement_trait)]
    pub fn cmp(&self, o: &Self) -> Ordering {
        match (self.neg, o.neg) {
            (false, true) => Ordering::Greater,
            (true, false) => Ordering::Less,
            (false, false) => cmp_mag(&self.mag, &o.mag),
            (true, true) => cmp_mag(&o.mag, &self.mag),
        }
    }

    /// Nearest float (inf when too large), like `float(int)`.
    pub fn to_f64(&self) -> f64 {
        if self.bit_length() > 1100 {
            // Past f64's range (and its decimal string would take long to make).
            return if self.neg {
                f64::NEG_INFINITY
            } else {
                f64::INFINITY
            };
        }
        // Use the decimal string: the parser rounds correctly.
        crate::python::num::engine::parse_f64(&self.to_string()).unwrap_or(f64::INFINITY)
    }

    /// From an integral float (the caller checks it is finite).
    pub fn from_f64(f: f64) -> Self {
        // f = ±m × 2^e, exactly (no float formatting: it is large in the wasm)
        let f = f.trunc();
        let bits = f.to_bits();
        let b = (bits >> 52) as i64 & 0x7ff;
        if b == 0 {
            return Self::zero(); // ±0 and subnormals (truncated to 0)
        }
        let m = ((bits & ((1 << 52) - 1)) | 1 << 52) as i64;
        let e = b - 1075;
        let r = if e >= 0 {
            Self::from_i64(m).mul(&Self::from_i64(2).pow(e as u64))
        } else {
            Self::from_i64(m >> -e)
        };
        if f < 0.0 {
            r.neg()
        } else {
            r
        }
    }

    /// Digits in base 2, 8 or 16 (no prefix, no sign).
    pub fn to_radix(&self, radix: u32) -> String {
        if self.is_zero() {
            return "0".into();
        }
        let mut digits = vec![];
        let mut m = self.mag.clone();
        while !m.is_empty() {
            let (q, r) = divmod_small(&m, radix);
            digits.push(std::char::from_digit(r, radix).unwrap());
            m = q;
        }
        digits.iter().rev().collect()
    }

    /// Number of bits of the magnitude.
    pub fn bit_length(&self) -> u64 {
        match self.mag.last() {
            None => 0,
            Some(&top) => (self.mag.len() as u64 - 1) * 32 + (32 - top.leading_zeros() as u64),
        }
    }

    /// A non-negative number from its 32-bit limbs, least significant first.
    pub fn from_limbs(limbs: Vec<u32>) -> Self {
        Self::make(false, limbs)
    }

    /// The magnitude's 32-bit limbs, least significant first.
    pub fn limbs(&self) -> &[u32] {
        &self.mag
    }
}

impl std::fmt::Display for BigInt {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.is_zero() {
            return write!(f, "0");
        }
        let mut chunks = vec![];
        let mut m = self.mag.clone();
        while !m.is_empty() {
            let (q, r) = divmod_small(&m, 1_000_000_000);
            chunks.push(r);
            m = q;
        }
        let mut s = String::new();
        if self.neg {
            s.push('-');
        }
        s.push_str(&chunks.last().unwrap().to_string());
        for c in chunks.iter().rev().skip(1) {
            s.push_str(&format!("{:09}", c));
        }
        write!(f, "{}", s)
    }
}
