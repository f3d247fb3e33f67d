"""A catalogue photo with Blender 3.4 Cycles, as a peer timing for tools/bench/photo-peers.sh.

blender -b --factory-startup -noaudio --python-exit-code 1 -P tools/bench/cycles-photo.py -- \
    MODEL.glb OUT.png [SIZE=1024] [SAMPLES=32]

What a user would set up for a product on white: the GLB imported, a camera in front of the product
(20 degrees above the horizon, 25 degree vertical field of view, as `showroom photo` frames it) at a
distance where the bounding sphere fills the frame, a uniform white world (strength 1) as the only
light, Cycles on the CPU, no denoiser (Debian's Blender 3.4 has no OpenImageDenoise), an opaque
8-bit PNG.
Prints "CYCLES_PHOTO import_s=... render_s=... total_s=... triangles=..." (total: since Python started,
so Blender's own start-up is the wall time minus total_s).
"""
import math
import os
import sys
import time

T_START = time.time()
import numpy as np
if "bool" not in np.__dict__:   # Debian: Blender 3.4's glTF importer still uses np.bool (numpy 1.24)
    np.bool = bool

import bpy
from mathutils import Vector

USAGE = ("usage: blender -b --factory-startup -noaudio --python-exit-code 1 -P cycles-photo.py -- "
         "MODEL.glb OUT.png [SIZE=1024] [SAMPLES=32]")
ELEVATION_DEG = 20.0
FOV_DEG = 25.0


def photo_args():
    argv = sys.argv[sys.argv.index("--") + 1:] if "--" in sys.argv else []
    if not 2 <= len(argv) <= 4:
        print(USAGE, file=sys.stderr)
        sys.exit(2)
    size = int(argv[2]) if len(argv) > 2 else 1024
    samples = int(argv[3]) if len(argv) > 3 else 32
    return os.path.abspath(argv[0]), os.path.abspath(argv[1]), size, samples


def photo_import(model):
    bpy.ops.wm.read_factory_settings(use_empty=True)
    bpy.ops.import_scene.gltf(filepath=model)
    scene = bpy.context.scene
    # Lighting is the white world alone, the same for every product: drop the file's lights and cameras.
    for o in list(scene.objects):
        if o.type in ("LIGHT", "CAMERA"):
            bpy.data.objects.remove(o, do_unlink=True)
    meshes = [o for o in scene.objects if o.type == "MESH"]
    if not meshes:
        raise SystemExit(f"cycles-photo: no mesh imported from {model}")
    return scene, meshes


def photo_triangles(meshes):
    graph = bpy.context.evaluated_depsgraph_get()
    total = 0
    for o in meshes:
        mesh = o.evaluated_get(graph).data
        mesh.calc_loop_triangles()
        total += len(mesh.loop_triangles)
    return total


def photo_bounding_sphere(meshes):
    lo = Vector((math.inf,) * 3)
    hi = Vector((-math.inf,) * 3)
    for o in meshes:
        for corner in o.bound_box:
            w = o.matrix_world @ Vector(corner)
            lo = Vector(map(min, lo, w))
            hi = Vector(map(max, hi, w))
    return (lo + hi) / 2, max((hi - lo).length / 2, 1e-6)


def photo_camera(scene, centre, radius):
    data = bpy.data.cameras.new("PhotoCam")
    data.sensor_fit = "VERTICAL"
    data.sensor_height = 24.0
    data.lens = data.sensor_height / (2.0 * math.tan(math.radians(FOV_DEG) / 2.0))
    distance = radius / math.sin(math.radians(FOV_DEG) / 2.0)
    data.clip_start = distance * 1e-3
    data.clip_end = distance * 10.0
    cam = bpy.data.objects.new("PhotoCam", data)
    scene.collection.objects.link(cam)
    # glTF's front (+Z) is Blender's -Y after import; Blender is +Z up.
    e = math.radians(ELEVATION_DEG)
    cam.location = centre + Vector((0.0, -math.cos(e), math.sin(e))) * distance
    cam.rotation_euler = (centre - cam.location).to_track_quat("-Z", "Y").to_euler()
    scene.camera = cam


def photo_white_world(scene):
    world = bpy.data.worlds.new("PhotoWhite")
    scene.world = world
    world.use_nodes = True
    background = world.node_tree.nodes["Background"]
    background.inputs["Color"].default_value = (1.0, 1.0, 1.0, 1.0)
    background.inputs["Strength"].default_value = 1.0


def photo_settings(scene, size, samples, out):
    scene.render.engine = "CYCLES"
    scene.cycles.device = "CPU"
    scene.cycles.samples = samples
    scene.cycles.use_adaptive_sampling = False
    scene.cycles.use_denoising = False
    scene.render.threads_mode = "AUTO"
    scene.render.resolution_x = size
    scene.render.resolution_y = size
    scene.render.resolution_percentage = 100
    scene.render.film_transparent = False      # the white world is the background
    scene.view_settings.view_transform = "Standard"
    scene.render.image_settings.file_format = "PNG"
    scene.render.image_settings.color_mode = "RGB"
    scene.render.image_settings.color_depth = "8"
    scene.render.filepath = out


def main():
    model, out, size, samples = photo_args()
    t0 = time.time()
    scene, meshes = photo_import(model)
    t_import = time.time() - t0
    centre, radius = photo_bounding_sphere(meshes)
    photo_camera(scene, centre, radius)
    photo_white_world(scene)
    photo_settings(scene, size, samples, out)
    os.makedirs(os.path.dirname(out) or ".", exist_ok=True)
    t1 = time.time()
    bpy.ops.render.render(write_still=True)
    t_render = time.time() - t1
    print(f"CYCLES_PHOTO import_s={t_import:.3f} render_s={t_render:.3f} total_s={time.time() - T_START:.3f} "
          f"triangles={photo_triangles(meshes)} size={size} samples={samples} out={out}")


main()
