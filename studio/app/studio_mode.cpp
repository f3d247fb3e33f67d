// Studio mode: catalogue staff pick a product, a preset and a light rig, adjust the lights and
// the exposure, and see exactly the photo that will be written (the same preset settings, rig,
// framing and renderer as `showroom photos`), then shoot one photo or the whole catalogue with a
// progress bar and cancel. QA results are shown next to the products.
#include <algorithm>
#include <cmath>

#include <imgui.h>

#include "app/app.h"
#include "photo/angles.h"
#include "photo/batch.h"
#include "photo/light_rig.h"

namespace ocop::studio {

namespace {

// The preset as adjusted in the panel; its text (hashed into every photo's inputs) says what
// was adjusted, so that a change re-renders and an unchanged rerun skips.
Result<photo::Preset> shooting_preset(App& app) {
    Result<photo::Preset> preset = current_preset(app);
    if (!preset) return preset;
    char adjusted[320];
    std::snprintf(adjusted, sizeof adjusted,
                  "\nstudio: rig %s ev %.3f shadow %d scale %.3f kelvin %.0f turn %.1f raise %.1f backdrop %d %.3f %.3f %.3f",
                  app.studio.rig_name.c_str(), double(app.studio.exposure_ev), int(app.studio.shadow),
                  double(app.studio.light_scale), double(app.studio.kelvin), double(app.studio.light_azimuth_deg),
                  double(app.studio.light_elevation_deg), app.studio.backdrop, double(app.studio.backdrop_srgb.r),
                  double(app.studio.backdrop_srgb.g), double(app.studio.backdrop_srgb.b));
    preset->source_text += adjusted;
    return preset;
}

// Photos of one product, the catalogue's way (sidecars, atomic files, skipped when unchanged).
Status shoot(App& app, const scene::Product& product, std::vector<photo::Angle> angles) {
    Result<photo::Preset> preset = shooting_preset(app);
    if (!preset) return preset.error();
    scene::Catalogue one{.source = app.catalogue.source, .products = {product}, .name = app.catalogue.name};
    const photo::BatchOptions options{.out_dir = app.studio.out_dir / preset->name,
                                      .samples_dir = app.studio_library.samples_dir(),
                                      .preset = *preset,
                                      .angles = std::move(angles),
                                      .contact_sheet = false};
    std::string failure_text;
    Result<photo::BatchSummary> summary = photo::run_batch(app.renderer, one, options, [&](const photo::BatchEvent& e) {
        if (e.status == photo::BatchEvent::Status::Failed) failure_text = e.error;
        else if (e.job) app.studio.last_photo = (options.out_dir / e.job->file_name).string();
    });
    if (!summary) return summary.error();
    if (summary->failed > 0) return failure(product.sku, failure_text);
    return Status(Ok{});
}

void run_qa(App& app) {
    Result<photo::Preset> preset = shooting_preset(app);
    if (!preset) return;
    Result<photo::QaReport> qa = photo::check_folder(app.studio.out_dir / preset->name, *preset);
    if (qa) app.studio.qa = std::move(qa).value();
    else app.studio.qa.reset();
}

// Pass, fail or nothing yet, for the product's photos in the last QA.
int qa_state(const App& app, const std::string& sku) {
    if (!app.studio.qa) return 0;
    int state = 0;
    for (const photo::PhotoQa& p : app.studio.qa->photos) {
        if (p.file.filename().string().rfind(sku + "_", 0) != 0) continue;
        if (!p.pass()) return -1;
        state = 1;
    }
    return state;
}

// Drag on a ball to place the key light: the point is where the light sits seen from the
// camera (centre: behind the camera, edge: at the side), as KeyShot's light placement.
bool light_ball(const char* id, float& turn_deg, float& raise_deg, float size) {
    ImGui::InvisibleButton(id, {size, size});
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 a = ImGui::GetItemRectMin();
    const ImVec2 centre{a.x + size * 0.5f, a.y + size * 0.5f};
    const float r = size * 0.5f - 2.0f;
    draw->AddCircleFilled(centre, r, ui_colour32(60, 60, 66, 255), 48);
    draw->AddCircle(centre, r, ui_colour32(150, 150, 160, 255), 48);
    bool changed = false;
    if (ImGui::IsItemActive()) {
        const ImVec2 m = ImGui::GetIO().MousePos;
        float x = (m.x - centre.x) / r, y = (centre.y - m.y) / r;
        const float len = std::sqrt(x * x + y * y);
        if (len > 1.0f) x /= len, y /= len;
        turn_deg = std::asin(std::clamp(x, -1.0f, 1.0f)) * 57.2957795f;
        raise_deg = std::clamp(std::asin(std::clamp(y, -1.0f, 1.0f)) * 57.2957795f, -80.0f, 80.0f);
        changed = true;
    }
    const float px = std::sin(turn_deg / 57.2957795f), py = std::sin(raise_deg / 57.2957795f);
    draw->AddCircleFilled({centre.x + px * r, centre.y - py * r}, 6.0f, ui_colour32(255, 230, 140, 255));
    return changed;
}

void combo(const char* label, std::string& value, const std::vector<std::string>& options) {
    if (!ImGui::BeginCombo(label, value.c_str())) return;
    for (const std::string& o : options)
        if (ImGui::Selectable(o.c_str(), o == value)) value = o;
    ImGui::EndCombo();
}

// A preset brings its own look: the controls start from it, so that an unadjusted preview is
// exactly what `showroom photos --preset NAME` writes.
void load_preset_look(StudioState& s) {
    if (s.loaded_preset == s.preset_name) return;
    s.loaded_preset = s.preset_name;
    Result<photo::Preset> preset = photo::load_preset(s.preset_name);
    if (!preset) return;
    s.rig_name = preset->rig;
    s.exposure_ev = preset->exposure_ev;
    s.shadow = preset->shadow;
    s.light_scale = preset->lights.scale;
    s.kelvin = preset->lights.kelvin;
    s.light_azimuth_deg = preset->lights.turn_deg;
    s.light_elevation_deg = preset->lights.raise_deg;
}

void controls(App& app) {
    const Language l = app.language;
    StudioState& s = app.studio;
    combo(say(l, {"Preset", "Mẫu ảnh"}), s.preset_name, photo::builtin_preset_names());
    load_preset_look(s);
    combo(say(l, {"Light rig", "Bộ đèn"}), s.rig_name, photo::builtin_light_rig_names());
    combo(say(l, {"Angle", "Góc chụp"}), s.angle, photo::angle_ids());
    ImGui::SliderFloat(say(l, {"Exposure (EV)", "Phơi sáng (EV)"}), &s.exposure_ev, -3.0f, 3.0f, "%.2f");
    ImGui::SliderFloat(say(l, {"Light intensity", "Cường độ đèn"}), &s.light_scale, 0.1f, 4.0f, "× %.2f",
                       ImGuiSliderFlags_Logarithmic);
    // 0 K: each light keeps the rig's own colour.
    ImGui::SliderFloat(say(l, {"Colour (K)", "Nhiệt độ màu (K)"}), &s.kelvin, 0.0f, 9000.0f,
                       s.kelvin < 1000.0f ? say(l, {"rig's own", "theo bộ đèn"}) : "%.0f K");
    if (s.kelvin > 0.0f && s.kelvin < 1000.0f) s.kelvin = 1000.0f;
    ImGui::Checkbox(say(l, {"Contact shadow", "Bóng đổ"}), &s.shadow);
    ImGui::RadioButton(say(l, {"Preset's backdrop", "Nền theo mẫu"}), &s.backdrop, 0);
    ImGui::SameLine();
    ImGui::RadioButton(say(l, {"Colour", "Màu nền"}), &s.backdrop, 1);
    if (s.backdrop == 1) {
        ImGui::SameLine();
        ImGui::ColorEdit3("##backdrop", &s.backdrop_srgb.r, ImGuiColorEditFlags_NoInputs);
    }
    ImGui::TextUnformatted(say(l, {"Key light position (drag):", "Vị trí đèn chính (kéo):"}));
    light_ball("##lightball", s.light_azimuth_deg, s.light_elevation_deg, 110.0f * ImGui::GetFontSize() / 16.0f);
    ImGui::SameLine();
    ImGui::Text("%+.0f°\n%+.0f°", double(s.light_azimuth_deg), double(s.light_elevation_deg));
    if (ImGui::Button(say(l, {"Reset lights", "Đặt lại đèn"}))) {
        s.loaded_preset.clear();  // back to the preset's own look
        load_preset_look(s);
    }
    ImGui::Separator();
    const scene::Product* product = s.dropped ? nullptr : app.catalogue.find(s.sku);
    if (s.dropped) {
        ImGui::TextWrapped("%s", say(l, {"A dropped model is a preview: add it to the catalogue to shoot it.",
                                         "Mô hình thả vào chỉ để xem trước: thêm vào danh mục để chụp."}));
    } else if (!s.batch_running) {
        if (ImGui::Button(say(l, {"Shoot this photo", "Chụp ảnh này"})) && product) {
            Result<photo::Angle> angle = photo::angle_by_id(s.angle);
            Status st = angle ? shoot(app, *product, {*angle}) : Status(angle.error());
            app.say_status(st ? std::string(say(l, {"Wrote ", "Đã ghi "})) + s.last_photo : st.error().message());
            run_qa(app);
        }
        ImGui::SameLine();
        if (ImGui::Button(say(l, {"Shoot the catalogue", "Chụp cả danh mục"}))) {
            s.batch_running = true;
            s.batch_next = s.batch_done = s.batch_failed = 0;
        }
    } else {
        const float share = app.catalogue.products.empty() ? 1.0f
                                                           : float(s.batch_done) / float(app.catalogue.products.size());
        const std::string text = std::to_string(s.batch_done) + " / " + std::to_string(app.catalogue.products.size());
        ImGui::ProgressBar(share, {-1.0f, 0.0f}, text.c_str());
        if (ImGui::Button(say(l, {"Cancel", "Huỷ"}))) {
            s.batch_running = false;
            app.say_status(say(l, {"Batch cancelled: a rerun finishes what is missing.",
                                   "Đã huỷ: chạy lại sẽ chụp tiếp phần còn thiếu."}));
            run_qa(app);
        }
    }
    // Below the buttons: a long folder wraps to more lines without moving what is clicked.
    ImGui::TextWrapped("%s %s", say(l, {"Photos go to", "Ảnh lưu vào"}), (s.out_dir / s.preset_name).string().c_str());
}

void product_list(App& app, const ImGuiLayer& ui) {
    const Language l = app.language;
    const float thumb = 44.0f * ImGui::GetFontSize() / 16.0f;
    for (const scene::Product& p : app.catalogue.products) {
        ImGui::PushID(p.sku.c_str());
        const auto pic = app.picture_of.find(p.sku);
        if (pic != app.picture_of.end() && pic->second < ui.pictures().size()) {
            const Picture& picture = ui.pictures()[pic->second];
            ImGui::Image(picture.texture, {thumb, thumb}, picture.uv0, picture.uv1);
            ImGui::SameLine();
        }
        const int qa = qa_state(app, p.sku);
        const char* mark = qa > 0 ? "✓ " : qa < 0 ? "✗ " : "";
        const std::string label = std::string(mark) + pick(l, p.name) + "\n" + p.sku;
        if (ImGui::Selectable(label.c_str(), p.sku == app.studio.sku && !app.studio.dropped, 0, {0.0f, thumb})) {
            app.studio.sku = p.sku;
            app.studio.dropped.reset();
        }
        if (qa != 0 && ImGui::IsItemHovered())
            ImGui::SetTooltip("%s", qa > 0 ? say(l, {"QA passed", "Đạt kiểm tra"}) : say(l, {"QA failed", "Không đạt kiểm tra"}));
        ImGui::PopID();
    }
    if (app.dropped.empty()) return;
    ImGui::Separator();
    ImGui::TextDisabled("%s", say(l, {"Imported by drop", "Đã nhập bằng cách thả tệp"}));
    for (std::size_t i = 0; i < app.dropped.size(); ++i) {
        const std::string label = app.dropped[i].name + "##dropped" + std::to_string(i);
        if (ImGui::Selectable(label.c_str(), app.studio.dropped == i)) app.studio.dropped = i;
    }
}

// One product of the running batch per frame: the window stays live and Cancel works.
void step_batch(App& app) {
    StudioState& s = app.studio;
    if (!s.batch_running) return;
    if (s.batch_next >= app.catalogue.products.size()) {
        s.batch_running = false;
        run_qa(app);
        app.say_status(std::to_string(s.batch_done) + " " + say(app.language, {"products shot", "sản phẩm đã chụp"}) +
                       (s.batch_failed ? ", " + std::to_string(s.batch_failed) + " " + say(app.language, {"failed", "lỗi"}) : ""));
        return;
    }
    const scene::Product& product = app.catalogue.products[s.batch_next++];
    if (Status st = shoot(app, product, {}); !st) {
        ++s.batch_failed;
        app.say_status(st.error().message());
    }
    ++s.batch_done;
}

}  // namespace

ViewArea studio_mode(App& app, const ImGuiLayer& ui, ViewArea area) {
    load_preset_look(app.studio);
    const float scale = ImGui::GetFontSize() / 16.0f;
    const float left_w = 290.0f * scale, right_w = 330.0f * scale;
    const Language l = app.language;
    const ImGuiWindowFlags panel = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse;
    step_batch(app);

    ImGui::SetNextWindowPos({area.x, area.y});
    ImGui::SetNextWindowSize({left_w, area.height});
    if (ImGui::Begin(say(l, {"Products###products", "Sản phẩm###products"}), nullptr, panel)) product_list(app, ui);
    ImGui::End();
    ImGui::SetNextWindowPos({area.x + area.width - right_w, area.y});
    ImGui::SetNextWindowSize({right_w, area.height});
    if (ImGui::Begin(say(l, {"Photo###photo", "Ảnh###photo"}), nullptr, panel)) controls(app);
    ImGui::End();

    // The photo's own shape, as large as fits between the panels.
    ViewArea free{area.x + left_w, area.y, std::max(1.0f, area.width - left_w - right_w), area.height};
    Result<photo::Preset> preset = current_preset(app);
    const float aspect = preset ? float(preset->width) / float(preset->height) : 1.0f;
    const float margin = 12.0f * scale;
    float w = free.width - 2 * margin, h = free.height - 2 * margin;
    if (w / h > aspect) w = h * aspect;
    else h = w / aspect;
    const ViewArea view{std::floor(free.x + (free.width - w) * 0.5f), std::floor(free.y + (free.height - h) * 0.5f),
                        std::max(1.0f, std::floor(w)), std::max(1.0f, std::floor(h))};

    // Framing guides: the fill box the product's larger side should touch, and the frame's centre.
    ImDrawList* draw = ImGui::GetBackgroundDrawList();
    if (preset) {
        const float fill = preset->fill;
        const ImVec2 c{view.x + view.width * 0.5f, view.y + view.height * 0.5f};
        const float bw = view.width * fill * 0.5f, bh = view.height * fill * 0.5f;
        draw->AddRect({c.x - bw, c.y - bh}, {c.x + bw, c.y + bh}, ui_colour32(40, 160, 255, 200), 0.0f, 0, 1.5f);
        draw->AddLine({c.x - 8, c.y}, {c.x + 8, c.y}, ui_colour32(40, 160, 255, 200));
        draw->AddLine({c.x, c.y - 8}, {c.x, c.y + 8}, ui_colour32(40, 160, 255, 200));
        char text[160];
        std::snprintf(text, sizeof text, "%s  %u×%u  %s %.0f%%", preset->name.c_str(), preset->width, preset->height,
                      say(l, {"fill", "lấp đầy"}), double(fill * 100.0f));
        draw->AddText({view.x, view.y + view.height + 2.0f}, ui_colour32(220, 220, 220, 255), text);
    }
    return view;
}

}  // namespace ocop::studio
