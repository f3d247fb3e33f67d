"""A small kit for writing `ocop-centre/1` layouts by hand in Python (make_centres.py uses it).

It mirrors the fixture library's slot arithmetic (engine/scene/fixtures.cpp) so that a
placement that would not fit its slot fails here, while the layout is being written, rather
than later in `showroom check`. The check stays the authority; this is a first line only.
"""

import json
import math

CATALOGUE_DIMS_CM = {
    "BT-VASE-01": (22, 38, 22), "BT-TEA-01": (36, 14, 24), "BT-JAR-01": (30, 34, 30),
    "BT-BOWL-01": (16, 7, 16), "BT-VASE-02": (16, 30, 16), "HT-BOX-01": (24, 10, 18),
    "HT-TRAY-01": (40, 4, 28), "HT-PANEL-01": (60, 45, 15), "HT-VASE-01": (14, 32, 14),
    "CM-BOX-01": (28, 12, 20), "CM-TRAY-01": (36, 5, 36), "VP-SCARF-01": (40, 55, 30),
    "VP-BOLT-01": (45, 18, 30), "VP-AODAI-01": (50, 165, 35), "VP-SCARF-02": (25, 4, 18),
    "TX-AODAI-01": (50, 165, 35), "TK-BANHCHUNG-01": (18, 7, 18), "TK-GIFTBOX-01": (40, 14, 30),
    "TK-BANHDAY-01": (20, 4, 20), "PV-BASKET-01": (34, 28, 34), "PV-TRAY-01": (45, 6, 45),
    "TU-PANEL-01": (50, 75, 18), "TU-BOX-01": (22, 12, 15), "SD-STATUE-01": (24, 50, 20),
}

DEFAULT_SIZE = {
    "plinth": (0.5, 1.0, 0.5), "pedestal": (0.4, 1.1, 0.4), "display-table": (1.6, 0.75, 0.8),
    "wall-shelf": (1.2, 2.0, 0.35), "vitrine": (1.0, 1.9, 0.5), "counter": (2.0, 1.0, 0.6),
    "wall-panel": (2.0, 2.4, 0.04), "info-panel": (0.8, 1.9, 0.4), "dress-form": (0.6, 0.1, 0.6),
    "food-display": (1.2, 0.95, 0.7), "workshop-table": (1.8, 0.75, 0.9), "chair": (0.45, 0.85, 0.5),
    "demo-bench": (1.5, 0.8, 0.7), "potters-wheel": (0.7, 0.6, 0.7), "loom": (1.4, 1.6, 1.2),
    "photo-sweep": (1.6, 1.6, 1.2), "photo-light": (0.6, 2.0, 0.6), "sign": (0.7, 2.0, 0.1),
    "screen": (1.6, 1.8, 0.5),
}

WALL_TYPES = {"wall-shelf", "wall-panel"}
TOLERANCE = 0.01


# ---- slots: the same arithmetic as fixture_slots() ----

def _cells(span, pitch):
    return max(1, int(math.floor(span / pitch + 1e-4)))


def _grid(top_x, top_z, y, pitch, max_h):
    cols, rows = _cells(top_x, pitch), _cells(top_z, pitch)
    return [dict(y=y, fx=top_x / cols - 0.02, fz=top_z / rows - 0.02, h=max_h) for _ in range(rows * cols)]


def slots(ftype, size):
    w, h, d = size
    if ftype in ("plinth", "pedestal"):
        return [dict(y=h, fx=w - 0.04, fz=d - 0.04, h=1.0)]
    if ftype == "display-table":
        return _grid(w - 0.16, d - 0.16, h, 0.3, 1.0)
    if ftype == "workshop-table":
        return _grid(w - 0.16, d - 0.16, h, 0.45, 1.0)
    if ftype == "wall-shelf":
        boards = min(4, max(1, int(h / 0.45)))
        kick = min(0.08, 0.1 * h)
        spacing = (h - 0.025 - kick) / boards
        inner = max(0.02, w - 0.036)
        out = []
        for b in range(boards):
            for s in _grid(inner, 0.0, kick + b * spacing + 0.025, 0.3, spacing - 0.025):
                s["fz"] = max(0.02, d - 0.012) - 0.02
                out.append(s)
        return out
    if ftype == "vitrine":
        base = min(0.9, 0.5 * h)
        interior = h - 0.05 - base
        levels = min(3, max(1, int(interior / 0.3)))
        spacing = interior / levels
        out = []
        for k in range(levels):
            y = base + k * spacing + (0.01 if k > 0 else 0.0)
            for s in _grid(max(0.02, w - 0.05), 0.0, y, 0.3, spacing - 0.01):
                s["fz"] = max(0.02, d - 0.05) - 0.02
                out.append(s)
        return out
    if ftype == "counter":
        out = _grid(w, 0.0, h, 0.9, 0.6)
        for s in out:
            s["fx"], s["fz"] = min(s["fx"], 0.6), d - 0.1
        return out
    if ftype == "dress-form":
        return [dict(y=h, fx=0.9 * w, fz=0.9 * d, h=2.0)]
    if ftype == "food-display":
        step = min(0.1, 0.12 * h)
        tier = 0.5 * (d - 0.06)
        out = _grid(w - 0.1, 0.0, h - step, 0.27, 0.5) + _grid(w - 0.1, 0.0, h, 0.27, 0.5)
        for s in out:
            s["fz"] = tier - 0.02
        return out
    if ftype == "demo-bench":
        out = _grid(w, 0.0, h, 0.5, 0.6)
        for s in out:
            s["fx"], s["fz"] = s["fx"] - 0.02, d - 0.1
        return out
    if ftype == "potters-wheel":
        head = min(0.4, 0.5 * min(w, d))
        return [dict(y=h, fx=head, fz=head, h=0.6)]
    if ftype == "photo-sweep":
        top = min(0.8, 0.5 * h) + 0.03
        fit = min(0.6, 0.5 * w, 0.5 * d)
        return [dict(y=top, fx=fit, fz=fit, h=h - top - 0.05)]
    return []


# ---- the layout being written ----

def _num(v):
    v = round(float(v), 3)
    return int(v) if v == int(v) else v


def _vec(v):
    return [_num(x) for x in v]


class Centre:
    def __init__(self, slug, name_vi, name_en, commune, district):
        self.slug = slug
        self.data = {
            "format": "ocop-centre/1",
            "name": {"vi": name_vi, "en": name_en},
            "commune": commune,
            "district": district,
            "catalogue": "../../assets/catalogue/hanoi.json",
            "brand": "../../assets/brand/hanoi-ocop.json",
            "rooms": [], "zones": [], "fixtures": [], "placements": [], "lights": [],
            "environment": {"type": "studio", "rig": "gallery-soft", "exposure_ev": 0},
            "tour": {"start": "", "waypoints": []},
        }
        self.fixtures = {}
        self.zones = {}
        self.height = 4.2
        self.used = set()

    # rooms and zones
    def room(self, rid, outline, height, floor, walls, doors):
        self.height = height
        self.data["rooms"].append({"id": rid, "outline": [_vec(p) for p in outline], "height": _num(height),
                                   "floor": floor, "walls": walls, "doors": doors})

    def zone(self, zid, function, rect, vi, en, room="hall"):
        z = {"id": zid, "function": function, "room": room, "rect": [_vec(rect[0]), _vec(rect[1])],
             "name": {"vi": vi, "en": en}}
        self.data["zones"].append(z)
        self.zones[zid] = (function, rect)

    # fixtures
    def fx(self, fid, ftype, pos, zone, size=None, yaw=0, text=None, graphic=None):
        assert fid not in self.fixtures, fid
        size = tuple(size or DEFAULT_SIZE[ftype])
        f = {"id": fid, "type": ftype, "size": _vec(size), "pos": _vec(pos)}
        if yaw:
            f["yaw_deg"] = _num(yaw)
        f["zone"] = zone
        if text:
            f["text"] = {"vi": text[0], "en": text[1]}
        if graphic:
            f["graphic"] = graphic
        self.data["fixtures"].append(f)
        self.fixtures[fid] = dict(type=ftype, size=size, pos=tuple(pos), yaw=yaw, zone=zone)
        self._inside_zone(fid)
        return fid

    def on_wall(self, fid, ftype, side, wall, along, zone, size=None, y=0.0, gap=0.0, **kw):
        """A fixture with its back on a wall: side S/N/W/E is where the wall is, at coordinate `wall`."""
        size = tuple(size or DEFAULT_SIZE[ftype])
        half = 0.5 * size[2] + gap
        pos, yaw = {
            "S": ((along, y, wall + half), 0), "N": ((along, y, wall - half), 180),
            "W": ((wall + half, y, along), 90), "E": ((wall - half, y, along), 270),
        }[side]
        return self.fx(fid, ftype, pos, zone, size=size, yaw=yaw, **kw)

    def _footprint(self, fid):
        """The bounding box of the fixture's turned footprint (rotateY, as fixture_footprint())."""
        f = self.fixtures[fid]
        hx, hz = 0.5 * f["size"][0], 0.5 * f["size"][2]
        a = math.radians(f["yaw"])
        c, s = round(math.cos(a), 9), round(math.sin(a), 9)
        x, _, z = f["pos"]
        xs, zs = [], []
        for px, pz in ((-hx, -hz), (hx, -hz), (hx, hz), (-hx, hz)):
            xs.append(x + px * c + pz * s)
            zs.append(z - px * s + pz * c)
        return (min(xs), min(zs), max(xs), max(zs))

    def _inside_zone(self, fid):
        x0, z0, x1, z1 = self._footprint(fid)
        (zx0, zz0), (zx1, zz1) = self.zones[self.fixtures[fid]["zone"]][1]
        assert x0 >= zx0 - TOLERANCE and z0 >= zz0 - TOLERANCE and x1 <= zx1 + TOLERANCE and z1 <= zz1 + TOLERANCE, \
            f"{self.slug}: {fid} ({x0:.2f},{z0:.2f})-({x1:.2f},{z1:.2f}) leaves its zone"

    # products
    def put(self, sku, on, slot, yaw=0, label=None):
        f = self.fixtures[on]
        s = slots(f["type"], f["size"])
        assert 0 <= slot < len(s), f"{self.slug}: {on} has {len(s)} slots, not {slot}"
        assert (on, slot) not in self.used, f"{self.slug}: {on}[{slot}] taken"
        self.used.add((on, slot))
        w, h, d = (v / 100.0 for v in CATALOGUE_DIMS_CM[sku])
        a = math.radians(yaw)
        ex = w * abs(math.cos(a)) + d * abs(math.sin(a))
        ez = w * abs(math.sin(a)) + d * abs(math.cos(a))
        sl = s[slot]
        assert ex <= sl["fx"] + TOLERANCE and ez <= sl["fz"] + TOLERANCE and h <= sl["h"] + TOLERANCE, \
            f"{self.slug}: {sku} ({ex:.2f}x{ez:.2f}x{h:.2f}) does not fit {on}[{slot}] " \
            f"({sl['fx']:.3f}x{sl['fz']:.3f}x{sl['h']:.3f})"
        if label is None:
            label = self.zones[f["zone"]][0] == "display-sale"
        p = {"product": sku, "on": on, "slot": slot}
        if yaw:
            p["yaw_deg"] = _num(yaw)
        p["label"] = label
        self.data["placements"].append(p)

    def fill(self, on, skus, slots_=None, yaw=0, label=None):
        """Puts the SKUs (cycled) on the given slots of a fixture, in order."""
        f = self.fixtures[on]
        indices = list(slots_) if slots_ is not None else list(range(len(slots(f["type"], f["size"]))))
        for i, slot in enumerate(indices):
            self.put(skus[i % len(skus)], on, slot, yaw=yaw, label=label)

    # lights
    def spot(self, fid, target_y=None, reach=1.2, cd=1000, kelvin=3500, cone=34):
        """A ceiling spot in front of a fixture, aimed at it (at its top, or at height target_y)."""
        f = self.fixtures[fid]
        a = math.radians(f["yaw"])
        x, _, z = f["pos"]
        lx, lz = x + reach * math.sin(a), z + reach * math.cos(a)
        light = {"type": "spot", "pos": _vec((lx, self.height - 0.3, lz))}
        if target_y is None:
            light["aim"] = fid
        else:
            light["aim_at"] = _vec((x, target_y, z))
        light.update({"intensity_cd": cd, "kelvin": kelvin, "cone_deg": cone})
        self.data["lights"].append(light)

    def light_at(self, pos, aim_at, cd, kelvin=3500, cone=40):
        self.data["lights"].append({"type": "spot", "pos": _vec(pos), "aim_at": _vec(aim_at),
                                    "intensity_cd": cd, "kelvin": kelvin, "cone_deg": cone})

    # the tour
    def waypoint(self, wid, pos, look_at, vi, en):
        tour = self.data["tour"]
        if not tour["start"]:
            tour["start"] = wid
        tour["waypoints"].append({"id": wid, "pos": _vec(pos), "look_at": _vec(look_at),
                                  "caption": {"vi": vi, "en": en}})

    # output: 2-space indent, one fixture / placement / light / waypoint a line
    def to_json(self):
        d = self.data
        one = lambda v: json.dumps(v, ensure_ascii=False, separators=(", ", ": "))

        def rows(key, items, indent="  "):
            if not items:
                return f'{indent}"{key}": []'
            body = ",\n".join(indent + "  " + one(i) for i in items)
            return f'{indent}"{key}": [\n{body}\n{indent}]'

        parts = [f'  "{k}": {one(d[k])}' for k in ("format", "name", "commune", "district", "catalogue", "brand")]
        parts.append(rows("rooms", d["rooms"]))
        parts.append(rows("zones", d["zones"]))
        parts.append(rows("fixtures", d["fixtures"]))
        parts.append(rows("placements", d["placements"]))
        parts.append(rows("lights", d["lights"]))
        parts.append(f'  "environment": {one(d["environment"])}')
        tour = f'  "tour": {{\n    "start": {one(d["tour"]["start"])},\n' + rows("waypoints", d["tour"]["waypoints"], "    ") + "\n  }"
        parts.append(tour)
        return "{\n" + ",\n".join(parts) + "\n}\n"
