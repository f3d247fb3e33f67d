#!/usr/bin/python3
"""Writes tests/golden/fidelity/studio_softbox.hdr: a small procedural studio (a grey room,
a bright overhead softbox front-left, a strip on the right) as a Radiance file. It is the
project's own environment for the fidelity regression test, which must run without
../shared: the Cycles reference committed beside it was rendered under this file.
Usage: tools/fidelity/make-studio-hdr.py OUT.hdr"""
import math
import struct
import sys

W, H = 256, 128


def radiance(d):
    x, y, z = d
    base = 0.6 if y > 0 else 0.25
    # Softbox: centred at azimuth -30 deg (towards -X from the front), elevation 50 deg.
    az, el = math.radians(-30), math.radians(50)
    c = (math.cos(el) * math.sin(az), math.sin(el), math.cos(el) * math.cos(az))
    if x * c[0] + y * c[1] + z * c[2] > math.cos(math.radians(18)):
        return (6.0, 6.0, 5.8)
    # Strip on the right: azimuth 70 deg, a tall narrow band.
    a = math.degrees(math.atan2(x, z))
    if 62 < a < 78 and 0.0 < y < 0.8:
        return (4.0, 4.1, 4.3)
    return (base, base, base * 1.02)


def rgbe(r, g, b):
    m = max(r, g, b)
    if m < 1e-32:
        return bytes((0, 0, 0, 0))
    e = math.frexp(m)[1]
    s = 256.0 / (2.0 ** e)
    return bytes((int(r * s), int(g * s), int(b * s), e + 128))


def main():
    out = bytearray(b"#?RADIANCE\nFORMAT=32-bit_rle_rgbe\n\n-Y %d +X %d\n" % (H, W))
    for row in range(H):
        lat = math.pi * (0.5 - (row + 0.5) / H)  # row 0 is the top
        for col in range(W):
            lon = 2 * math.pi * ((col + 0.5) / W - 0.5)  # u = atan2(z, x) / 2pi + 0.5
            d = (math.cos(lat) * math.cos(lon), math.sin(lat), math.cos(lat) * math.sin(lon))
            out += rgbe(*radiance(d))
    with open(sys.argv[1], "wb") as f:
        f.write(out)


if __name__ == "__main__":
    main()
