#!/usr/bin/env python3
"""Writes scenes/centres/*.centre.json, the nine 2023 OCOP centres of Hanoi (docs/centres.md).

Run by hand from the repository root: `python3 tools/centres/make_centres.py`. The JSON files
are the committed data and designers edit them by hand afterwards; this script only keeps the
first versions consistent (walls, slots, lights aimed at fixtures). Re-running it overwrites
hand edits, so once a centre has been edited, edit its JSON instead.

Plan coordinates: x to the east, z to the north, metres; the entrance is on the south wall.
"""

import math
import pathlib
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from centre_kit import Centre  # noqa: E402

OUT = pathlib.Path(__file__).resolve().parents[2] / "scenes" / "centres"
EYE = 1.6


def door(wall, at, width, entrance=True):
    return {"wall": wall, "at": at, "width": width, "entrance": entrance}


def rect_room(c, w, d, height, floor, walls, doors):
    c.room("hall", [[0, 0], [w, 0], [w, d], [0, d]], height, floor, walls, doors)


def sign(c, fid, pos, zone, vi, en, yaw):
    c.fx(fid, "sign", pos, zone, size=(0.7, 2.0, 0.1), yaw=yaw, text=(vi, en))


def facing(frm, to):
    """The yaw that turns a fixture's front (+Z) at `frm` towards `to` (plan x, z)."""
    return round(math.degrees(math.atan2(to[0] - frm[0], to[1] - frm[1])), 1)


# ---- the three spaces beside the shop, along an east wall (x1) ----

def workshop_east(c, p, x0, z0, x1, z1, products):
    """Two joined tables with eight chairs, a screen on the east wall, the zone's sign."""
    cx, cz = x0 + 0.42 * (x1 - x0), 0.5 * (z0 + z1)
    c.fx(f"{p}-ws-table-1", "workshop-table", (cx - 0.9, 0, cz), "workshop")
    c.fx(f"{p}-ws-table-2", "workshop-table", (cx + 0.9, 0, cz), "workshop")
    for i, dx in enumerate((-1.35, -0.45, 0.45, 1.35)):
        c.fx(f"{p}-chair-s{i + 1}", "chair", (cx + dx, 0, cz - 0.77), "workshop")
        c.fx(f"{p}-chair-n{i + 1}", "chair", (cx + dx, 0, cz + 0.77), "workshop", yaw=180)
    c.on_wall(f"{p}-screen", "screen", "E", x1, cz, "workshop", gap=0.05,
              text=("Kết nối giao thương", "Meet the makers"))
    if z0 == 0:  # the workshop backs onto the south wall: the programme's panel there
        c.on_wall(f"{p}-ws-panel", "wall-panel", "S", 0, cx, "workshop", size=(3.0, 1.6, 0.04), y=1.2,
                  text=("Mỗi xã một sản phẩm — OCOP Hà Nội", "One Commune One Product — OCOP Hanoi"))
    for i, sku in enumerate(products):
        c.put(sku, f"{p}-ws-table-{1 + i % 2}", 1, label=False)
    sign(c, f"{p}-sign-workshop", (x0 + 0.1, 0, z0 + 0.8), "workshop",
         "Hội thảo", "Workshop", 270)
    c.light_at((cx, c.height - 0.3, cz - 1.0), (cx, 0.75, cz), 900, 3500, 60)


def photo_east(c, p, x0, z0, x1, z1, product, yaw=0, sweep_height=1.6):
    """A photo sweep against the east wall with two softboxes turned towards it."""
    cz = 0.5 * (z0 + z1)
    sweep = c.on_wall(f"{p}-sweep", "photo-sweep", "E", x1, cz, "photo", size=(1.6, sweep_height, 1.2), gap=0.05)
    sx = c.fixtures[sweep]["pos"][0]
    for side, dz in (("l", -1.3), ("r", 1.3)):
        at = (sx - 2.0, cz + dz)
        c.fx(f"{p}-softbox-{side}", "photo-light", (at[0], 0, at[1]), "photo", yaw=facing(at, (sx, cz)))
    c.put(product, sweep, 0, yaw=yaw, label=False)
    sign(c, f"{p}-sign-photo", (x0 + 0.1, 0, z0 + 0.8), "photo", "Chụp ảnh", "Photography", 270)
    c.light_at((sx - 1.6, c.height - 0.3, cz), (sx, 1.0, cz), 1200, 5000, 36)


def demo_east(c, p, x0, z0, x1, z1, bench_products, vi, en, graphic=None, main=None):
    """An artisan's bench on the east wall under a panel, an information panel, the zone's sign.
    `main` adds the craft's own machine in the middle: ("potters-wheel", sku) or ("loom", None)."""
    cz = 0.5 * (z0 + z1)
    bench = c.on_wall(f"{p}-bench", "demo-bench", "E", x1, cz, "demo", gap=0.05)
    for i, sku in enumerate(bench_products):
        c.put(sku, bench, i, label=False)
    c.on_wall(f"{p}-demo-panel", "wall-panel", "E", x1, cz, "demo", size=(2.4, 1.6, 0.04), y=1.3,
              text=(vi, en), graphic=graphic)
    c.fx(f"{p}-stool", "chair", (x1 - 1.5, 0, cz + 0.3), "demo", yaw=90)
    c.fx(f"{p}-info", "info-panel", (x0 + 2.2, 0, z1 - 0.4), "demo", yaw=180, text=(vi, en))
    sign(c, f"{p}-sign-demo", (x0 + 0.1, 0, z1 - 0.8), "demo", "Trình diễn", "Demonstration", 270)
    c.spot(bench, target_y=0.9, reach=1.3, cd=900)
    if main:
        kind, sku = main
        mx = x0 + 0.45 * (x1 - x0)
        if kind == "potters-wheel":
            c.fx(f"{p}-wheel", "potters-wheel", (mx, 0, cz), "demo")
            c.fx(f"{p}-potter-stool", "chair", (mx, 0, cz - 0.75), "demo")
            c.put(sku, f"{p}-wheel", 0, label=False)
            c.spot(f"{p}-wheel", reach=0.9, cd=900)
        else:
            c.fx(f"{p}-loom", "loom", (mx, 0, cz), "demo")
            c.light_at((mx, c.height - 0.3, cz - 1.2), (mx, 1.0, cz), 900, 3500, 45)


def right_column_tour(c, x0, z_work, z_demo, z_photo, x1):
    c.waypoint("workshop", (x0 - 1.0, EYE, z_work + 1.8), (x0 + 0.45 * (x1 - x0), 0.9, z_work),
               "Bàn giao dịch và hội thảo nhóm: gặp nghệ nhân, đặt hàng.",
               "Tables for trade and group workshops: meet the makers, order.")
    c.waypoint("demo", (x0 - 2.0, EYE, z_demo - 1.3), (x1 - 1.5, 1.0, z_demo),
               "Nghệ nhân trình diễn, khách tự tay làm thử.",
               "Artisans at work; visitors try the craft with their own hands.")
    c.waypoint("photo", (x1 - 5.0, EYE, z_photo - 0.6), (x1 - 0.6, 1.0, z_photo),
               "Góc chụp ảnh sản phẩm với phông và đèn cố định.",
               "The product photo corner: a fixed sweep and lights.")


def small_zones(c, vi_sale, en_sale):
    c.zone("sale", "display-sale", [[0, 0], [12, 15]], vi_sale, en_sale)
    c.zone("workshop", "workshop", [[12, 0], [20, 5]], "Không gian giao dịch, hội thảo", "Trade and workshop space")
    c.zone("demo", "demonstration", [[12, 5], [20, 10]], "Trình diễn, trải nghiệm", "Demonstration and hands-on")
    c.zone("photo", "photography", [[12, 10], [20, 15]], "Chụp ảnh sản phẩm", "Product photography")


def ocop_corner_south(c, p, x, zone, products, shelves=1):
    """The "OCOP Hà Nội" corner: shelves of other Hanoi crafts on the south wall, a header panel."""
    width = 1.2 * shelves + 0.1 * (shelves - 1)
    for i in range(shelves):
        sid = c.on_wall(f"{p}-ocop-shelf-{i + 1}", "wall-shelf", "S", 0, x - 0.5 * width + 0.6 + 1.3 * i, zone,
                        size=(1.2, 2.3, 0.4))
        c.spot(sid, target_y=1.3, reach=1.4, cd=800)
    c.on_wall(f"{p}-ocop-header", "wall-panel", "S", 0, x, zone, size=(width + 0.2, 0.7, 0.04), y=2.45,
              text=("Góc OCOP Hà Nội", "OCOP Hanoi corner"))
    for i, sku in enumerate(products):
        c.put(sku, f"{p}-ocop-shelf-{1 + i // 6}", 6 + i % 6)


def counter(c, p, x, zone, products):
    cid = c.fx(f"{p}-counter", "counter", (x, 0, 1.35), zone)
    for i, sku in enumerate(products):
        c.put(sku, cid, i)
    c.spot(cid, reach=0.8, cd=700)


# ---- Bát Tràng: ceramics, the richest hall ----

def bat_trang():
    c = Centre("bat-trang", "Trung tâm OCOP Bát Tràng", "Bát Tràng OCOP Centre", "Bát Tràng", "Gia Lâm")
    rect_room(c, 26, 18, 4.5, "bat-trang-brick", "lime-plaster", [door(0, 9.0, 2.4)])
    c.zone("sale", "display-sale", [[0, 0], [16, 18]], "Trưng bày và bán gốm sứ", "Ceramics gallery and shop")
    c.zone("workshop", "workshop", [[16, 0], [26, 7]], "Không gian giao dịch, hội thảo", "Trade and workshop space")
    c.zone("demo", "demonstration", [[16, 7], [26, 13]], "Xưởng gốm trình diễn", "Pottery demonstration")
    c.zone("photo", "photography", [[16, 13], [26, 18]], "Chụp ảnh sản phẩm", "Product photography")

    # West wall: shelves of tableware either side of the kiln poster.
    for i, z in enumerate((3.2, 4.5, 9.9, 11.2, 14.5)):
        sid = c.on_wall(f"bt-shelf-{i + 1}", "wall-shelf", "W", 0, z, "sale")
        c.spot(sid, target_y=1.3, reach=1.4, cd=900)
    c.on_wall("bt-kiln-poster", "wall-panel", "W", 0, 7.2, "sale", size=(2.4, 2.4, 0.04), y=0.8,
              text=("Lò gốm Bát Tràng", "The kilns of Bát Tràng"), graphic="bat-trang-kiln")
    c.fill("bt-shelf-1", ["BT-BOWL-01", "BT-TEA-01", "BT-BOWL-01"], range(6, 12))
    c.fill("bt-shelf-2", ["BT-VASE-02", "BT-BOWL-01", "BT-VASE-02"], range(6, 9))
    c.fill("bt-shelf-3", ["BT-TEA-01", "BT-VASE-01", "BT-TEA-01"], range(6, 9))
    c.fill("bt-shelf-4", ["BT-JAR-01", "BT-BOWL-01", "BT-JAR-01"], range(6, 9))
    c.fill("bt-shelf-5", ["BT-BOWL-01", "BT-VASE-02", "BT-BOWL-01"], range(6, 9))

    # North wall: vitrines for the finest pieces, a panel with the village's story between them.
    for i, x in enumerate((3.0, 4.4, 11.6, 13.0)):
        vid = c.on_wall(f"bt-vitrine-{i + 1}", "vitrine", "N", 18, x, "sale", size=(1.2, 2.2, 0.5), gap=0.05)
        c.spot(vid, target_y=1.4, reach=1.4, cd=900)
    c.on_wall("bt-story-panel", "wall-panel", "N", 18, 7.8, "sale", size=(3.0, 2.0, 0.04), y=1.0,
              text=("Gốm Bát Tràng — hơn 700 năm", "Bát Tràng ceramics — over 700 years"))
    c.fill("bt-vitrine-1", ["BT-VASE-01", "BT-JAR-01", "BT-VASE-01", "BT-TEA-01", "BT-VASE-02", "BT-TEA-01"], range(0, 6))
    c.fill("bt-vitrine-2", ["BT-JAR-01", "BT-VASE-01", "BT-JAR-01"], range(3, 6))
    c.fill("bt-vitrine-3", ["BT-VASE-02", "BT-VASE-01", "BT-VASE-02", "BT-BOWL-01", "BT-TEA-01", "BT-BOWL-01"], range(0, 6))
    c.fill("bt-vitrine-4", ["BT-VASE-01", "BT-VASE-01", "BT-VASE-01"], range(3, 6))

    # The hero line: plinths and pedestals down the middle, the five-star vase at its centre.
    hero = [("plinth", (0.5, 0.9, 0.5), "BT-VASE-02"), ("pedestal", (0.4, 1.1, 0.4), "BT-VASE-01"),
            ("plinth", (0.6, 0.8, 0.6), "BT-JAR-01"), ("pedestal", (0.4, 1.1, 0.4), "BT-VASE-01"),
            ("plinth", (0.5, 0.9, 0.5), "BT-TEA-01")]
    for i, ((kind, size, sku), x) in enumerate(zip(hero, (4.0, 5.8, 7.6, 9.4, 11.2))):
        pid = c.fx(f"bt-plinth-{i + 1}", kind, (x, 0, 6.5), "sale", size=size, yaw=180)
        c.put(sku, pid, 0, yaw=-20 if sku == "BT-TEA-01" else 0)
        c.spot(pid, reach=0.9, cd=1100)
    for i, x in enumerate((7.0, 9.0)):
        pid = c.fx(f"bt-jar-plinth-{i + 1}", "plinth", (x, 0, 14.6), "sale", size=(0.6, 0.7, 0.6), yaw=180)
        c.put("BT-JAR-01", pid, 0, yaw=30 * i)
        c.spot(pid, reach=0.9, cd=1000)
    for i, x in enumerate((5.0, 9.0)):
        tid = c.fx(f"bt-table-{i + 1}", "display-table", (x, 0, 11.0), "sale", size=(1.35, 0.75, 0.8), yaw=180)
        c.fill(tid, ["BT-TEA-01", "BT-BOWL-01", "BT-TEA-01"] if i == 0 else ["BT-BOWL-01", "BT-JAR-01", "BT-BOWL-01"],
               range(3, 6))
        c.spot(tid, reach=1.0, cd=1000, cone=40)

    ocop_corner_south(c, "bt", 5.25, "sale", ["HT-BOX-01", "CM-BOX-01", "TU-BOX-01",
                                              "SD-STATUE-01", "VP-SCARF-02", "HT-VASE-01",
                                              "TK-BANHCHUNG-01", "PV-BASKET-01", "TK-BANHDAY-01"], shelves=2)
    counter(c, "bt", 13.5, "sale", ["BT-TEA-01", "BT-JAR-01"])
    sign(c, "bt-sign-sale", (7.4, 0, 3.8), "sale", "Cửa hàng", "Shop",
         facing((7.4, 3.8), (10.2, 0)))

    workshop_east(c, "bt", 16, 0, 26, 7, ["BT-TEA-01", "BT-VASE-02"])
    demo_east(c, "bt", 16, 7, 26, 13, ["BT-BOWL-01", "BT-JAR-01", "BT-VASE-02"],
              "Từ đất sét đến men lam", "From clay to cobalt glaze", graphic="bat-trang-kiln",
              main=("potters-wheel", "BT-VASE-02"))
    photo_east(c, "bt", 16, 13, 26, 18, "BT-VASE-01")

    c.waypoint("entrance", (10.2, EYE, 0.8), (8.0, 1.2, 9.0),
               "Chào mừng đến Trung tâm OCOP Bát Tràng, làng gốm hơn 700 năm.",
               "Welcome to the Bát Tràng OCOP Centre, a pottery village of more than 700 years.")
    c.waypoint("sale", (12.8, EYE, 4.2), (5.8, 1.1, 7.5),
               "Gốm men lam, men rạn, men ngọc và men nâu trên bục, kệ và tủ kính.",
               "Blue-and-white, crackle, celadon and brown glazes on plinths, shelves and vitrines.")
    c.waypoint("vitrines", (8.0, EYE, 12.6), (6.0, 1.3, 17.5),
               "Tủ kính những sản phẩm OCOP 4–5 sao.",
               "Vitrines of four- and five-star OCOP pieces.")
    right_column_tour(c, 16, 3.5, 10.0, 15.5, 26)
    return c


# ---- Vạn Phúc: silk, an L-shaped hall ----

def van_phuc():
    c = Centre("van-phuc", "Trung tâm OCOP Vạn Phúc", "Vạn Phúc OCOP Centre", "Vạn Phúc", "Hà Đông")
    c.room("hall", [[0, 0], [28, 0], [28, 10], [16, 10], [16, 20], [0, 20]], 4.2, "oak-parquet", "lime-plaster",
           [door(0, 6.0, 2.4)])
    c.zone("sale", "display-sale", [[0, 0], [16, 13]], "Trưng bày và bán lụa", "Silk gallery and shop")
    c.zone("demo", "demonstration", [[16, 0], [28, 10]], "Khung cửi trình diễn", "Loom demonstration")
    c.zone("workshop", "workshop", [[0, 13], [8, 20]], "Không gian giao dịch, hội thảo", "Trade and workshop space")
    c.zone("photo", "photography", [[8, 13], [16, 20]], "Chụp ảnh sản phẩm", "Product photography")

    for i, z in enumerate((3.0, 4.3, 9.7, 11.0)):
        sid = c.on_wall(f"vp-shelf-{i + 1}", "wall-shelf", "W", 0, z, "sale")
        c.fill(sid, ["VP-SCARF-02"], range(6, 12))
        c.spot(sid, target_y=1.4, reach=1.4, cd=900)
    c.on_wall("vp-loom-poster", "wall-panel", "W", 0, 7.0, "sale", size=(2.4, 2.4, 0.04), y=0.8,
              text=("Lụa Vạn Phúc — nghìn năm dệt", "Vạn Phúc silk — a thousand years of weaving"),
              graphic="van-phuc-loom")
    # Scarves on stands along a line of plinths, bolts on low tables, áo dài at the back.
    for i, x in enumerate((4.5, 6.3, 8.1, 9.9)):
        pid = c.fx(f"vp-plinth-{i + 1}", "plinth", (x, 0, 6.8), "sale", size=(0.5, 0.9, 0.5), yaw=180)
        c.put("VP-SCARF-01", pid, 0, yaw=(-15, 10, -10, 15)[i])
        c.spot(pid, reach=0.9, cd=1000)
    for i, x in enumerate((5.2, 8.8)):
        tid = c.fx(f"vp-table-{i + 1}", "display-table", (x, 0, 9.2), "sale", size=(1.3, 0.75, 0.65), yaw=180)
        c.fill(tid, ["VP-BOLT-01"], yaw=90)
        c.spot(tid, reach=1.0, cd=900, cone=40)
    for i, x in enumerate((4.0, 5.3, 6.6, 7.9)):
        did = c.fx(f"vp-form-{i + 1}", "dress-form", (x, 0, 11.9), "sale", yaw=180)
        c.put("VP-AODAI-01", did, 0)
        c.spot(did, target_y=1.1, reach=1.5, cd=1000)
    for i, x in enumerate((2.4, 3.7)):
        sid = c.on_wall(f"vp-south-shelf-{i + 1}", "wall-shelf", "S", 0, x, "sale")
        c.fill(sid, ["VP-SCARF-02"], range(6, 12) if i == 0 else range(9, 12))
        c.spot(sid, target_y=1.4, reach=1.4, cd=800)
    ocop = c.on_wall("vp-ocop-shelf", "wall-shelf", "E", 16, 11.7, "sale")
    c.on_wall("vp-ocop-header", "wall-panel", "E", 16, 11.7, "sale", size=(1.4, 0.7, 0.04), y=2.3,
              text=("Góc OCOP Hà Nội", "OCOP Hanoi corner"))
    c.fill(ocop, ["BT-TEA-01", "HT-BOX-01", "CM-BOX-01", "BT-VASE-02", "TU-BOX-01", "HT-VASE-01"], range(6, 12))
    c.spot(ocop, target_y=1.4, reach=1.4, cd=800)
    counter(c, "vp", 13.0, "sale", ["VP-BOLT-01", "VP-BOLT-01"])
    sign(c, "vp-sign-sale", (5.0, 0, 4.0), "sale", "Cửa hàng", "Shop",
         facing((5.0, 4.0), (7.2, 0)))

    # The demonstration arm: two hand looms, silk on the artisans' bench, the loom poster.
    for i, x in enumerate((19.5, 23.5)):
        c.fx(f"vp-loom-{i + 1}", "loom", (x, 0, 4.6), "demo")
        c.fx(f"vp-weaver-stool-{i + 1}", "chair", (x, 0, 3.3), "demo")
        c.light_at((x, 3.9, 3.4), (x, 1.0, 4.6), 1000, 3500, 45)
    bench = c.on_wall("vp-bench", "demo-bench", "N", 10, 21.5, "demo", gap=0.05)
    c.fill(bench, ["VP-BOLT-01", "VP-SCARF-02", "VP-BOLT-01"], label=False)
    c.spot(bench, target_y=0.9, reach=1.3, cd=800)
    c.on_wall("vp-demo-poster", "wall-panel", "E", 28, 5.0, "demo", size=(3.0, 2.0, 0.04), y=1.0,
              text=("Dệt lụa trên khung cửi", "Weaving silk on the loom"), graphic="van-phuc-loom")
    c.fx("vp-info", "info-panel", (26.6, 0, 8.6), "demo", yaw=270,
         text=("Lụa tơ tằm: ươm tơ, dệt, nhuộm", "Mulberry silk: reeling, weaving, dyeing"))
    sign(c, "vp-sign-demo", (16.1, 0, 1.2), "demo", "Trình diễn", "Demonstration", 270)

    # Workshop at the back left, the photo studio at the back right (both against the north wall).
    for i, x in enumerate((3.1, 4.9)):
        c.fx(f"vp-table-ws-{i + 1}", "workshop-table", (x, 0, 16.2), "workshop")
    for i, dx in enumerate((-1.35, -0.45, 0.45, 1.35)):
        c.fx(f"vp-chair-s{i + 1}", "chair", (4.0 + dx, 0, 15.43), "workshop")
        c.fx(f"vp-chair-n{i + 1}", "chair", (4.0 + dx, 0, 16.97), "workshop", yaw=180)
    c.put("VP-SCARF-02", "vp-table-ws-1", 1, label=False)
    c.put("VP-BOLT-01", "vp-table-ws-2", 1, label=False)
    c.on_wall("vp-screen", "screen", "N", 20, 4.0, "workshop", gap=0.05, text=("Kết nối giao thương", "Meet the makers"))
    sign(c, "vp-sign-workshop", (6.8, 0, 13.1), "workshop", "Hội thảo", "Workshop", 180)
    c.light_at((4.0, 3.9, 15.2), (4.0, 0.75, 16.2), 900, 3500, 60)

    sweep = c.on_wall("vp-sweep", "photo-sweep", "N", 20, 13.0, "photo", gap=0.05)
    c.put("VP-SCARF-01", sweep, 0, label=False)
    for side, x in (("l", 11.7), ("r", 14.3)):
        c.fx(f"vp-softbox-{side}", "photo-light", (x, 0, 17.3), "photo", yaw=facing((x, 17.3), (13.0, 19.3)))
    form = c.fx("vp-photo-form", "dress-form", (9.4, 0, 18.6), "photo", yaw=135)
    c.put("VP-AODAI-01", form, 0, label=False)
    c.light_at((13.0, 3.9, 17.6), (13.0, 1.0, 19.3), 1200, 5000, 36)
    c.light_at((10.4, 3.9, 17.4), (9.4, 1.1, 18.6), 1000, 5000, 36)
    sign(c, "vp-sign-photo", (9.0, 0, 13.1), "photo", "Chụp ảnh", "Photography", 180)

    c.waypoint("entrance", (7.2, EYE, 0.8), (6.5, 1.2, 9.0),
               "Chào mừng đến Trung tâm OCOP Vạn Phúc, làng lụa nghìn năm bên sông Nhuệ.",
               "Welcome to the Vạn Phúc OCOP Centre, a thousand-year-old silk village on the Nhuệ river.")
    c.waypoint("sale", (11.8, EYE, 5.0), (5.5, 1.1, 10.0),
               "Khăn lụa, cây lụa và áo dài lụa Vạn Phúc.",
               "Vạn Phúc silk scarves, bolts of silk and silk áo dài.")
    c.waypoint("ao-dai", (10.5, EYE, 10.6), (5.5, 1.1, 12.0),
               "Áo dài may từ lụa Vạn Phúc.", "Áo dài tailored from Vạn Phúc silk.")
    c.waypoint("demo", (15.0, EYE, 7.0), (21.5, 1.0, 4.6),
               "Nghệ nhân dệt lụa trên khung cửi; khách được thử dệt.",
               "Artisans weave silk on hand looms; visitors may try.")
    c.waypoint("workshop", (6.5, EYE, 12.2), (4.0, 0.9, 17.0),
               "Bàn giao dịch và hội thảo nhóm.", "Tables for trade and group workshops.")
    c.waypoint("photo", (13.0, EYE, 14.2), (13.0, 1.0, 19.3),
               "Góc chụp ảnh khăn lụa và áo dài.", "The photo corner for scarves and áo dài.")
    return c


# ---- Duyên Thái: Hạ Thái lacquer ----

def duyen_thai():
    c = Centre("duyen-thai", "Trung tâm OCOP Duyên Thái", "Duyên Thái OCOP Centre", "Duyên Thái", "Thường Tín")
    rect_room(c, 24, 18, 4.2, "polished-concrete", "white-paint", [door(0, 8.0, 2.4)])
    c.zone("sale", "display-sale", [[0, 0], [14, 18]], "Trưng bày và bán sơn mài", "Lacquer gallery and shop")
    c.zone("workshop", "workshop", [[14, 0], [24, 6]], "Không gian giao dịch, hội thảo", "Trade and workshop space")
    c.zone("demo", "demonstration", [[14, 6], [24, 12]], "Xưởng sơn mài trình diễn", "Lacquer demonstration")
    c.zone("photo", "photography", [[14, 12], [24, 18]], "Chụp ảnh sản phẩm", "Product photography")

    # West wall: vitrines of boxes and vases around the lacquer-layers poster.
    contents = [["HT-BOX-01", "HT-VASE-01", "HT-BOX-01", "HT-VASE-01", "HT-BOX-01", "HT-VASE-01"],
                ["HT-TRAY-01", "HT-TRAY-01", "HT-TRAY-01", "HT-BOX-01", "HT-VASE-01", "HT-BOX-01"],
                ["HT-VASE-01", "HT-BOX-01", "HT-VASE-01", "HT-TRAY-01", "HT-TRAY-01", "HT-TRAY-01"],
                ["HT-BOX-01", "HT-BOX-01", "HT-BOX-01", "HT-VASE-01", "HT-VASE-01", "HT-VASE-01"]]
    for i, z in enumerate((3.0, 4.4, 11.4, 12.8)):
        vid = c.on_wall(f"ht-vitrine-{i + 1}", "vitrine", "W", 0, z, "sale", size=(1.2, 2.2, 0.5), gap=0.05)
        for k, sku in enumerate(contents[i]):
            c.put(sku, vid, k, yaw=90 if sku == "HT-TRAY-01" else 0)
        c.spot(vid, target_y=1.4, reach=1.4, cd=900)
    c.on_wall("ht-layers-poster", "wall-panel", "W", 0, 7.9, "sale", size=(2.4, 2.4, 0.04), y=0.8,
              text=("Sơn mài Hạ Thái", "Hạ Thái lacquer"), graphic="lacquer-layers")

    # North wall: lacquer paintings on low plinths under a long panel, like a gallery.
    for i, x in enumerate((3.2, 5.2, 7.2)):
        pid = c.on_wall(f"ht-painting-{i + 1}", "plinth", "N", 18, x, "sale", size=(0.7, 0.9, 0.4), gap=0.3)
        c.put("HT-PANEL-01", pid, 0)
        c.spot(pid, reach=1.2, cd=1100)
    c.on_wall("ht-gallery-panel", "wall-panel", "N", 18, 5.2, "sale", size=(5.6, 1.1, 0.04), y=2.2,
              text=("Tranh sơn mài — cảnh làng quê", "Lacquer paintings — village landscapes"),
              graphic="lacquer-layers")
    for i, x in enumerate((10.4, 11.8)):
        vid = c.on_wall(f"ht-vitrine-n{i + 1}", "vitrine", "N", 18, x, "sale", size=(1.2, 2.2, 0.5), gap=0.05)
        c.fill(vid, ["HT-BOX-01", "HT-VASE-01", "HT-BOX-01"], range(3, 6))
        c.spot(vid, target_y=1.5, reach=1.4, cd=900)

    # The hero line: the eggshell box (five stars) in the middle.
    hero = [("plinth", (0.5, 0.9, 0.5), "HT-VASE-01"), ("pedestal", (0.4, 1.1, 0.4), "HT-BOX-01"),
            ("plinth", (0.7, 0.9, 0.4), "HT-PANEL-01"), ("pedestal", (0.4, 1.1, 0.4), "HT-BOX-01"),
            ("plinth", (0.5, 0.9, 0.5), "HT-VASE-01")]
    for i, ((kind, size, sku), x) in enumerate(zip(hero, (3.6, 5.4, 7.2, 9.0, 10.8))):
        pid = c.fx(f"ht-plinth-{i + 1}", kind, (x, 0, 6.6), "sale", size=size, yaw=180)
        c.put(sku, pid, 0)
        c.spot(pid, reach=0.9, cd=1100)
    for i, x in enumerate((4.8, 9.0)):
        tid = c.fx(f"ht-table-{i + 1}", "display-table", (x, 0, 11.0), "sale", size=(1.35, 0.75, 0.6), yaw=180)
        for k, sku in enumerate(["HT-TRAY-01", "HT-BOX-01", "HT-TRAY-01"] if i == 0 else
                                ["HT-BOX-01", "HT-TRAY-01", "HT-BOX-01"]):
            c.put(sku, tid, k, yaw=90 if sku == "HT-TRAY-01" else 0)
        c.spot(tid, reach=1.0, cd=1000, cone=40)
    ocop_corner_south(c, "ht", 4.4, "sale", ["BT-VASE-02", "CM-BOX-01", "TU-BOX-01", "BT-TEA-01",
                                             "SD-STATUE-01", "VP-SCARF-02"], shelves=1)
    counter(c, "ht", 11.8, "sale", ["HT-BOX-01", "HT-VASE-01"])
    sign(c, "ht-sign-sale", (7.0, 0, 4.0), "sale", "Cửa hàng", "Shop",
         facing((7.0, 4.0), (9.2, 0)))

    workshop_east(c, "ht", 14, 0, 24, 6, ["HT-TRAY-01", "HT-BOX-01"])
    demo_east(c, "ht", 14, 6, 24, 12, ["HT-TRAY-01", "HT-BOX-01", "HT-VASE-01"],
              "Mười lớp sơn, mài và vẽ", "Ten coats of lacquer, sanded and painted", graphic="lacquer-layers")
    table = c.fx("ht-demo-table", "demo-bench", (18.0, 0, 9.0), "demo")
    c.put("HT-TRAY-01", table, 0, label=False)
    c.put("HT-VASE-01", table, 2, label=False)
    c.fx("ht-demo-stool-1", "chair", (17.6, 0, 8.1), "demo")
    c.fx("ht-demo-stool-2", "chair", (18.4, 0, 9.9), "demo", yaw=180)
    c.spot(table, reach=-1.0, cd=900)
    photo_east(c, "ht", 14, 12, 24, 18, "HT-BOX-01")

    c.waypoint("entrance", (9.2, EYE, 0.8), (7.0, 1.2, 9.0),
               "Chào mừng đến Trung tâm OCOP Duyên Thái, quê hương sơn mài Hạ Thái.",
               "Welcome to the Duyên Thái OCOP Centre, home of Hạ Thái lacquerware.")
    c.waypoint("sale", (11.8, EYE, 3.8), (5.0, 1.1, 7.0),
               "Hộp khảm trứng, khay thếp vàng và bình sơn mài trên bục và trong tủ kính.",
               "Eggshell-inlaid boxes, gold-leaf trays and lacquer vases on plinths and in vitrines.")
    c.waypoint("paintings", (5.2, EYE, 13.2), (5.2, 1.3, 17.8),
               "Tranh sơn mài: cảnh làng quê Bắc Bộ.", "Lacquer paintings: villages of the Red River delta.")
    right_column_tour(c, 14, 3.0, 9.0, 15.0, 24)
    return c


# ---- the six smaller centres ----

def chuyen_my():
    c = Centre("chuyen-my", "Trung tâm OCOP Chuyên Mỹ", "Chuyên Mỹ OCOP Centre", "Chuyên Mỹ", "Phú Xuyên")
    c.room("hall", [[0, 0], [22, 0], [22, 10], [12, 10], [12, 18], [0, 18]], 4.2, "polished-concrete", "wood-panel",
           [door(0, 4.8, 2.4)])
    c.zone("sale", "display-sale", [[0, 0], [12, 18]], "Trưng bày và bán khảm trai", "Mother-of-pearl gallery and shop")
    c.zone("workshop", "workshop", [[12, 0], [22, 5]], "Không gian giao dịch, hội thảo", "Trade and workshop space")
    c.zone("demo", "demonstration", [[12, 5], [18, 10]], "Trình diễn khảm trai", "Inlay demonstration")
    c.zone("photo", "photography", [[18, 5], [22, 10]], "Chụp ảnh sản phẩm", "Product photography")

    for i, z in enumerate((4.0, 5.4)):
        vid = c.on_wall(f"cm-vitrine-{i + 1}", "vitrine", "W", 0, z, "sale", size=(1.2, 2.2, 0.5), gap=0.05)
        c.fill(vid, ["CM-BOX-01", "CM-TRAY-01", "CM-BOX-01"] if i == 0 else ["CM-TRAY-01", "CM-BOX-01"],
               range(3, 6) if i == 0 else (3, 5))
        c.spot(vid, target_y=1.5, reach=1.4, cd=900)
    c.on_wall("cm-poster", "wall-panel", "W", 0, 8.8, "sale", size=(2.4, 2.2, 0.04), y=0.9,
              text=("Khảm trai Chuyên Mỹ", "Chuyên Mỹ mother-of-pearl inlay"))
    for i, x in enumerate((4.0, 6.0, 8.0)):
        pid = c.fx(f"cm-plinth-{i + 1}", "pedestal" if i == 1 else "plinth", (x, 0, 7.0), "sale",
                   size=(0.4, 1.1, 0.4) if i == 1 else (0.5, 0.9, 0.5), yaw=180)
        c.put("CM-BOX-01" if i != 2 else "CM-TRAY-01", pid, 0, yaw=(-15, 0, 0)[i])
        c.spot(pid, reach=0.9, cd=1100)
    tid = c.fx("cm-table", "display-table", (6.0, 0, 11.5), "sale", size=(1.35, 0.75, 0.6), yaw=180)
    c.fill(tid, ["CM-TRAY-01", "CM-BOX-01", "CM-TRAY-01"])
    c.spot(tid, reach=1.0, cd=1000, cone=40)
    c.on_wall("cm-story", "wall-panel", "N", 18, 6.0, "sale", size=(3.0, 1.8, 0.04), y=1.0,
              text=("Ánh xà cừ trên gỗ và sơn", "The glow of shell on wood and lacquer"))
    ocop = c.on_wall("cm-ocop-shelf", "wall-shelf", "E", 12, 14.0, "sale")
    c.on_wall("cm-ocop-header", "wall-panel", "E", 12, 14.0, "sale", size=(1.4, 0.7, 0.04), y=2.3,
              text=("Góc OCOP Hà Nội", "OCOP Hanoi corner"))
    c.fill(ocop, ["HT-BOX-01", "BT-VASE-02", "TU-BOX-01"], range(6, 9))
    c.spot(ocop, target_y=1.3, reach=1.4, cd=800)
    counter(c, "cm", 9.5, "sale", ["CM-BOX-01"])
    sign(c, "cm-sign-sale", (3.8, 0, 4.0), "sale", "Cửa hàng", "Shop",
         facing((3.8, 4.0), (6.0, 0)))

    workshop_east(c, "cm", 12, 0, 22, 5, ["CM-BOX-01"])
    # Demonstration: the inlayer's bench on the arm's north wall.
    bench = c.on_wall("cm-bench", "demo-bench", "N", 10, 15.0, "demo", gap=0.05)
    c.fill(bench, ["CM-TRAY-01", "CM-BOX-01", "CM-TRAY-01"], label=False)
    c.on_wall("cm-demo-panel", "wall-panel", "N", 10, 15.0, "demo", size=(2.4, 1.6, 0.04), y=1.3,
              text=("Cưa vỏ trai, ghép, mài bóng", "Cutting shell, setting it, polishing"))
    c.fx("cm-stool", "chair", (15.0, 0, 8.5), "demo")
    c.fx("cm-info", "info-panel", (13.0, 0, 8.0), "demo", yaw=90,
         text=("Khảm trai Chuyên Mỹ", "Chuyên Mỹ inlay"))
    sign(c, "cm-sign-demo", (12.1, 0, 5.8), "demo", "Trình diễn", "Demonstration", 270)
    c.spot(bench, target_y=0.9, reach=1.3, cd=900)
    # Photography: a sweep in the arm's east end.
    sweep = c.on_wall("cm-sweep", "photo-sweep", "E", 22, 7.5, "photo", gap=0.05)
    c.put("CM-BOX-01", sweep, 0, label=False)
    for side, z in (("l", 6.0), ("r", 9.0)):
        c.fx(f"cm-softbox-{side}", "photo-light", (19.0, 0, z), "photo", yaw=facing((19.0, z), (21.3, 7.5)))
    c.light_at((19.8, 3.9, 7.5), (21.3, 1.0, 7.5), 1200, 5000, 36)
    sign(c, "cm-sign-photo", (18.1, 0, 7.5), "photo", "Chụp ảnh", "Photography", 270)

    c.waypoint("entrance", (6.0, EYE, 0.8), (5.0, 1.2, 9.0),
               "Chào mừng đến Trung tâm OCOP Chuyên Mỹ, làng khảm trai.",
               "Welcome to the Chuyên Mỹ OCOP Centre, the mother-of-pearl inlay village.")
    c.waypoint("sale", (9.5, EYE, 4.0), (4.0, 1.2, 8.0),
               "Hộp và khay khảm xà cừ lấp lánh.", "Boxes and trays inlaid with iridescent shell.")
    c.waypoint("workshop", (11.0, EYE, 4.3), (16.2, 0.9, 2.5),
               "Bàn giao dịch và hội thảo nhóm.", "Tables for trade and group workshops.")
    c.waypoint("demo", (13.6, EYE, 5.9), (15.0, 1.0, 9.6),
               "Nghệ nhân cưa, ghép và mài vỏ trai.", "Artisans cut, set and polish the shell.")
    c.waypoint("photo", (18.2, EYE, 5.8), (21.3, 1.0, 7.5),
               "Góc chụp ảnh sản phẩm.", "The product photo corner.")
    return c


def small_common(c, p, doors=None):
    """The 20 x 15 m hall of the smaller centres: the shop on the left, three spaces on the right."""
    rect_room(c, 20, 15, 4.2, c.floor, c.walls, doors or [door(0, 4.8, 2.4)])


def small_tour(c, welcome_vi, welcome_en, sale_vi, sale_en, sale_look=(4.0, 1.1, 8.0)):
    c.waypoint("entrance", (6.0, EYE, 0.8), (5.5, 1.2, 9.0), welcome_vi, welcome_en)
    c.waypoint("sale", (9.8, EYE, 4.2), sale_look, sale_vi, sale_en)
    right_column_tour(c, 12, 2.5, 7.5, 12.5, 20)


def duyen_ha():
    c = Centre("duyen-ha", "Trung tâm OCOP Duyên Hà", "Duyên Hà OCOP Centre", "Duyên Hà", "Thanh Trì")
    c.floor, c.walls = "terrazzo", "white-paint"
    small_common(c, "tk")
    small_zones(c, "Trưng bày và bán bánh chưng, bánh dày", "Bánh chưng and bánh dày shop")
    for i, x in enumerate((3.5, 6.5)):
        fid = c.fx(f"tk-food-{i + 1}", "food-display", (x, 0, 6.5), "sale", yaw=180)
        c.fill(fid, ["TK-BANHCHUNG-01", "TK-BANHDAY-01", "TK-BANHCHUNG-01"], range(0, 3) if i == 0 else range(1, 4))
        c.put("TK-BANHCHUNG-01", fid, 5 + i)
        c.spot(fid, reach=1.0, cd=1000, cone=40)
    tid = c.fx("tk-gift-table", "display-table", (5.0, 0, 10.5), "sale", size=(1.35, 0.75, 0.6), yaw=180)
    c.fill(tid, ["TK-GIFTBOX-01"], yaw=90)
    c.spot(tid, reach=1.0, cd=1000, cone=40)
    c.on_wall("tk-story", "wall-panel", "W", 0, 6.5, "sale", size=(3.0, 2.2, 0.04), y=0.9,
              text=("Bánh chưng Tranh Khúc", "Tranh Khúc bánh chưng"))
    c.on_wall("tk-story-2", "wall-panel", "N", 15, 5.0, "sale", size=(3.0, 1.8, 0.04), y=1.0,
              text=("Lá dong, gạo nếp, đỗ xanh, thịt lợn", "Dong leaves, sticky rice, mung beans, pork"))
    ocop_corner_south(c, "tk", 2.2, "sale", ["BT-BOWL-01", "HT-BOX-01", "PV-BASKET-01"])
    counter(c, "tk", 9.5, "sale", ["TK-GIFTBOX-01"])
    sign(c, "tk-sign-sale", (3.8, 0, 4.0), "sale", "Cửa hàng", "Shop",
         facing((3.8, 4.0), (6.0, 0)))
    workshop_east(c, "tk", 12, 0, 20, 5, ["TK-GIFTBOX-01"])
    demo_east(c, "tk", 12, 5, 20, 10, ["TK-BANHCHUNG-01", "TK-BANHDAY-01", "TK-BANHCHUNG-01"],
              "Gói bánh chưng bằng tay", "Wrapping bánh chưng by hand")
    photo_east(c, "tk", 12, 10, 20, 15, "TK-GIFTBOX-01")
    small_tour(c, "Chào mừng đến Trung tâm OCOP Duyên Hà, quê hương bánh chưng Tranh Khúc.",
               "Welcome to the Duyên Hà OCOP Centre, home of Tranh Khúc bánh chưng.",
               "Bánh chưng, bánh dày và hộp quà Tết.", "Bánh chưng, bánh dày and Tết gift boxes.", (5.0, 1.0, 8.0))
    return c


def di_trach():
    c = Centre("di-trach", "Trung tâm OCOP Di Trạch", "Di Trạch OCOP Centre", "Di Trạch", "Hoài Đức")
    c.floor, c.walls = "terrazzo", "lime-plaster"
    small_common(c, "sd")
    small_zones(c, "Trưng bày và bán tượng gỗ", "Carved statue gallery and shop")
    for i, x in enumerate((3.5, 5.5, 7.5, 9.5)):
        pid = c.fx(f"sd-pedestal-{i + 1}", "pedestal", (x, 0, 7.0), "sale", size=(0.4, 1.2, 0.4), yaw=180)
        c.put("SD-STATUE-01", pid, 0, yaw=(-20, -8, 8, 20)[i])
        c.spot(pid, reach=0.9, cd=1100)
    for i, z in enumerate((5.5, 6.9)):
        sid = c.on_wall(f"sd-shelf-{i + 1}", "wall-shelf", "W", 0, z, "sale", size=(1.2, 2.3, 0.35))
        c.fill(sid, ["SD-STATUE-01"], range(9, 12) if i == 0 else (6, 8, 10))
        c.spot(sid, target_y=1.5, reach=1.4, cd=900)
    c.on_wall("sd-story", "wall-panel", "N", 15, 6.0, "sale", size=(3.2, 2.0, 0.04), y=1.0,
              text=("Tượng gỗ Sơn Đồng sơn son thếp vàng", "Sơn Đồng carved statues, lacquered and gilded"))
    ocop_corner_south(c, "sd", 2.2, "sale", ["TU-BOX-01", "HT-BOX-01", "PV-BASKET-01", "BT-VASE-02"])
    counter(c, "sd", 9.5, "sale", ["SD-STATUE-01"])
    sign(c, "sd-sign-sale", (3.8, 0, 4.0), "sale", "Cửa hàng", "Shop",
         facing((3.8, 4.0), (6.0, 0)))
    workshop_east(c, "sd", 12, 0, 20, 5, ["SD-STATUE-01"])
    demo_east(c, "sd", 12, 5, 20, 10, ["SD-STATUE-01", "TU-BOX-01"], "Đục, chạm và thếp vàng",
              "Carving, chiselling and gilding")
    photo_east(c, "sd", 12, 10, 20, 15, "SD-STATUE-01")
    small_tour(c, "Chào mừng đến Trung tâm OCOP Di Trạch, Hoài Đức.",
               "Welcome to the Di Trạch OCOP Centre in Hoài Đức.",
               "Tượng gỗ chạm khắc, sơn son thếp vàng theo lối Sơn Đồng.",
               "Carved wooden statues, lacquered and gilded in the Sơn Đồng style.", (5.0, 1.3, 7.0))
    return c


def van_ha():
    c = Centre("van-ha", "Trung tâm OCOP Vân Hà", "Vân Hà OCOP Centre", "Vân Hà", "Đông Anh")
    c.floor, c.walls = "polished-concrete", "exposed-brick"
    small_common(c, "tu")
    small_zones(c, "Trưng bày và bán đồ gỗ mỹ nghệ", "Fine woodwork gallery and shop")
    for i, x in enumerate((3.5, 5.5, 7.5)):
        pid = c.fx(f"tu-plinth-{i + 1}", "plinth", (x, 0, 7.0), "sale", size=(0.6, 0.8, 0.4), yaw=180)
        c.put("TU-PANEL-01", pid, 0)
        c.spot(pid, reach=0.9, cd=1100)
    vid = c.on_wall("tu-vitrine", "vitrine", "W", 0, 5.0, "sale", gap=0.05)
    c.fill(vid, ["TU-BOX-01"], range(3, 9))
    c.spot(vid, target_y=1.4, reach=1.4, cd=900)
    tid = c.fx("tu-table", "display-table", (5.5, 0, 11.0), "sale", size=(1.35, 0.75, 0.6), yaw=180)
    c.fill(tid, ["TU-BOX-01"], (0, 2))
    c.spot(tid, reach=1.0, cd=1000, cone=40)
    c.on_wall("tu-story", "wall-panel", "N", 15, 5.5, "sale", size=(3.2, 2.0, 0.04), y=1.0,
              text=("Mộc mỹ nghệ Thiết Úng", "Thiết Úng fine woodwork"))
    ocop_corner_south(c, "tu", 2.2, "sale", ["SD-STATUE-01", "CM-BOX-01", "BT-VASE-02"])
    counter(c, "tu", 9.5, "sale", ["TU-BOX-01"])
    sign(c, "tu-sign-sale", (3.8, 0, 4.0), "sale", "Cửa hàng", "Shop",
         facing((3.8, 4.0), (6.0, 0)))
    workshop_east(c, "tu", 12, 0, 20, 5, ["TU-BOX-01"])
    demo_east(c, "tu", 12, 5, 20, 10, ["TU-BOX-01", "TU-BOX-01"], "Chạm khắc gỗ Thiết Úng", "Thiết Úng wood carving")
    photo_east(c, "tu", 12, 10, 20, 15, "TU-PANEL-01", yaw=0, sweep_height=1.7)
    small_tour(c, "Chào mừng đến Trung tâm OCOP Vân Hà, làng mộc Thiết Úng.",
               "Welcome to the Vân Hà OCOP Centre, the Thiết Úng woodwork village.",
               "Tranh gỗ chạm và hộp gỗ mỹ nghệ.", "Carved wood panels and fine wooden boxes.", (5.0, 1.1, 7.5))
    return c


def hoa_lam():
    c = Centre("hoa-lam", "Trung tâm OCOP Hòa Lâm", "Hòa Lâm OCOP Centre", "Hòa Lâm", "Ứng Hòa")
    c.floor, c.walls = "oak-parquet", "lime-plaster"
    small_common(c, "tx")
    small_zones(c, "Trưng bày và bán áo dài Trạch Xá", "Trạch Xá áo dài gallery and shop")
    for row, z in enumerate((6.0, 9.5)):
        for i, x in enumerate((3.2, 4.6, 6.0, 7.4)):
            did = c.fx(f"tx-form-{row + 1}-{i + 1}", "dress-form", (x + 0.7 * row, 0, z), "sale",
                       yaw=180 + (10, 0, 0, -10)[i])
            c.put("TX-AODAI-01", did, 0)
            c.spot(did, target_y=1.1, reach=1.4, cd=900)
    c.on_wall("tx-story", "wall-panel", "N", 15, 5.5, "sale", size=(3.2, 2.0, 0.04), y=1.0,
              text=("Áo dài gấm Trạch Xá", "Trạch Xá brocade áo dài"))
    c.on_wall("tx-story-2", "wall-panel", "W", 0, 7.5, "sale", size=(2.4, 2.2, 0.04), y=0.9,
              text=("Nghề may truyền thống", "A tailoring tradition"))
    ocop_corner_south(c, "tx", 2.2, "sale", ["VP-SCARF-02", "VP-SCARF-02", "HT-BOX-01", "BT-TEA-01"])
    counter(c, "tx", 9.5, "sale", ["VP-SCARF-01"])
    sign(c, "tx-sign-sale", (3.8, 0, 4.0), "sale", "Cửa hàng", "Shop",
         facing((3.8, 4.0), (6.0, 0)))
    workshop_east(c, "tx", 12, 0, 20, 5, ["VP-SCARF-02"])
    demo_east(c, "tx", 12, 5, 20, 10, ["VP-SCARF-02", "VP-BOLT-01"], "Cắt may áo dài theo số đo",
              "Cutting and sewing an áo dài to measure")
    form = c.fx("tx-demo-form", "dress-form", (15.0, 0, 7.5), "demo")
    c.put("TX-AODAI-01", form, 0, yaw=-90, label=False)
    c.spot(form, target_y=1.1, reach=1.2, cd=900)
    photo_east(c, "tx", 12, 10, 20, 15, "VP-SCARF-01")
    pform = c.fx("tx-photo-form", "dress-form", (14.5, 0, 13.6), "photo", yaw=90)
    c.put("TX-AODAI-01", pform, 0, label=False)
    c.light_at((15.6, 3.9, 13.0), (14.5, 1.1, 13.6), 1000, 5000, 36)
    small_tour(c, "Chào mừng đến Trung tâm OCOP Hòa Lâm, quê hương áo dài Trạch Xá.",
               "Welcome to the Hòa Lâm OCOP Centre, home of Trạch Xá áo dài.",
               "Áo dài gấm trên ma-nơ-canh.", "Brocade áo dài on dress forms.", (5.0, 1.2, 8.0))
    return c


def phu_nghia():
    c = Centre("phu-nghia", "Trung tâm OCOP Phú Nghĩa", "Phú Nghĩa OCOP Centre", "Phú Nghĩa", "Chương Mỹ")
    c.floor, c.walls = "terrazzo", "exposed-brick"
    small_common(c, "pv")
    small_zones(c, "Trưng bày và bán mây tre đan", "Rattan and bamboo gallery and shop")
    for i, x in enumerate((4.0, 7.5)):
        tid = c.fx(f"pv-table-{i + 1}", "display-table", (x, 0, 10.5), "sale", size=(1.35, 0.75, 0.6), yaw=180)
        c.fill(tid, ["PV-BASKET-01"])
        c.spot(tid, reach=1.0, cd=1000, cone=40)
    for i, x in enumerate((3.5, 5.3, 7.1, 8.9)):
        pid = c.fx(f"pv-plinth-{i + 1}", "plinth", (x, 0, 6.5), "sale", size=(0.55, 0.6, 0.55), yaw=180)
        c.put("PV-TRAY-01" if i % 2 == 0 else "PV-BASKET-01", pid, 0)
        c.spot(pid, reach=0.9, cd=1000)
    for i, z in enumerate((5.0, 6.3)):
        sid = c.on_wall(f"pv-shelf-{i + 1}", "wall-shelf", "W", 0, z, "sale", size=(1.2, 2.0, 0.4))
        c.fill(sid, ["PV-BASKET-01"], (6, 8) if i == 0 else (7, 9, 11))
        c.spot(sid, target_y=1.3, reach=1.4, cd=900)
    c.on_wall("pv-story", "wall-panel", "N", 15, 6.0, "sale", size=(3.2, 2.0, 0.04), y=1.0,
              text=("Mây tre đan Phú Vinh", "Phú Vinh rattan and bamboo weaving"))
    counter(c, "pv", 9.5, "sale", ["PV-TRAY-01"])
    sign(c, "pv-sign-sale", (3.8, 0, 4.0), "sale", "Cửa hàng", "Shop",
         facing((3.8, 4.0), (6.0, 0)))
    workshop_east(c, "pv", 12, 0, 20, 5, ["PV-BASKET-01"])
    demo_east(c, "pv", 12, 5, 20, 10, ["PV-TRAY-01", "PV-BASKET-01"], "Đan mây tre bằng tay", "Weaving rattan by hand")
    photo_east(c, "pv", 12, 10, 20, 15, "PV-BASKET-01")
    small_tour(c, "Chào mừng đến Trung tâm OCOP Phú Nghĩa, làng mây tre đan Phú Vinh.",
               "Welcome to the Phú Nghĩa OCOP Centre, the Phú Vinh rattan and bamboo village.",
               "Giỏ mây và mẹt tre đan tay.", "Hand-woven rattan baskets and bamboo trays.", (5.0, 0.8, 8.0))
    return c


CENTRES = [bat_trang, van_phuc, duyen_thai, chuyen_my, phu_nghia, duyen_ha, di_trach, van_ha, hoa_lam]


def outline_area(outline):
    return 0.5 * abs(sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(outline, outline[1:] + outline[:1])))


def main():
    """Writes the files and prints the docs/centres.md table rows."""
    OUT.mkdir(parents=True, exist_ok=True)
    print("| centre | area m² | height m | zones | fixtures | placements | lights | waypoints |")
    print("|---|---|---|---|---|---|---|---|")
    for make in CENTRES:
        c = make()
        (OUT / f"{c.slug}.centre.json").write_text(c.to_json(), encoding="utf-8")
        d = c.data
        area = sum(outline_area(r["outline"]) for r in d["rooms"])
        print(f"| {d['name']['en'].replace(' OCOP Centre', '')} (`{c.slug}`) | {area:.0f} | {c.height:g} | "
              f"{len(d['zones'])} | {len(d['fixtures'])} | {len(d['placements'])} | {len(d['lights'])} | "
              f"{len(d['tour']['waypoints'])} |")


if __name__ == "__main__":
    main()
