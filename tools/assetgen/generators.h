// The scan-like sample products of tools/assetgen, one function each. Every generator is a pure
// function of its constants (deterministic, bit for bit) and returns what a scanner would hand
// over: dense geometry, textures with scan-like noise and baked occlusion, in the file's own
// units and up axis (`SampleFile::units`, `up`), so that the samples go through the real import
// and normalisation path. The catalogue (assets/catalogue/hanoi.json) names each file.
#pragma once

#include <string>
#include <vector>

#include "assets/model.h"

namespace ocop::samples {

enum class FileFormat { Glb, Gltf, Obj, Ply };

struct SampleFile {
    std::string name;     // file name in the samples folder, e.g. "bt-vase-blue-white.glb"
    FileFormat format = FileFormat::Glb;
    // The model in metres, +Y up, base centred at the origin, front +Z. The writer converts
    // it to the file's units and up axis below (what the catalogue then declares).
    assets::Model model;
    std::string units = "m";  // "m", "cm", "mm"
    std::string up = "y";     // "y" or "z"
};

// Bát Tràng ceramics (ceramics.cpp)
SampleFile make_bt_vase_blue_white();    // BT-VASE-01  hero: >= 200k triangles, 2K textures
SampleFile make_bt_tea_set_celadon();    // BT-TEA-01   .gltf
SampleFile make_bt_jar_crackle();        // BT-JAR-01   .obj, cm, z-up, hero
SampleFile make_bt_bowl_brown();         // BT-BOWL-01  .ply vertex colour, mm, z-up
SampleFile make_bt_vase_garlic_celadon();// BT-VASE-02  .glb
// Hạ Thái lacquer, Duyên Thái (lacquer.cpp)
SampleFile make_ht_box_eggshell();       // HT-BOX-01   hero, clearcoat, eggshell inlay
SampleFile make_ht_tray_gold_leaf();     // HT-TRAY-01  .gltf
SampleFile make_ht_painting_panel();     // HT-PANEL-01 .glb
SampleFile make_ht_vase_lacquer();       // HT-VASE-01  .obj, cm
// Chuyên Mỹ mother-of-pearl (lacquer.cpp)
SampleFile make_cm_box_pearl_inlay();    // CM-BOX-01   iridescence
SampleFile make_cm_tray_pearl();         // CM-TRAY-01  .gltf
// Vạn Phúc silk, Trạch Xá áo dài (textiles.cpp)
SampleFile make_vp_scarf_on_stand();     // VP-SCARF-01 hero, sheen
SampleFile make_vp_silk_bolts();         // VP-BOLT-01  .gltf
SampleFile make_vp_ao_dai();             // VP-AODAI-01 hero, on a dress form
SampleFile make_vp_scarf_folded();       // VP-SCARF-02 .obj, cm
SampleFile make_tx_ao_dai_brocade();     // TX-AODAI-01 Hòa Lâm
// Tranh Khúc food, Duyên Hà (food.cpp)
SampleFile make_tk_banh_chung();         // TK-BANHCHUNG-01 leaf wrapping, bamboo ties
SampleFile make_tk_gift_box();           // TK-GIFTBOX-01   .gltf
SampleFile make_tk_banh_day();           // TK-BANHDAY-01   .ply, mm
// Phú Vinh rattan, Thiết Úng and Sơn Đồng wood (fibre_wood.cpp)
SampleFile make_pv_rattan_basket();      // PV-BASKET-01 hero, .ply vertex colour, mm, z-up
SampleFile make_pv_bamboo_tray();        // PV-TRAY-01   .obj
SampleFile make_tu_carved_panel();       // TU-PANEL-01  .glb
SampleFile make_tu_carved_box();         // TU-BOX-01    .obj, cm
SampleFile make_sd_gilded_statue();      // SD-STATUE-01 hero, .glb

}  // namespace ocop::samples
