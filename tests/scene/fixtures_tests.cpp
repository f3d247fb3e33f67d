// The fixture library: every type's geometry, slots and footprint, and a look at all of them.
#include <chrono>
#include <cmath>
#include <filesystem>
#include <memory>
#include <set>

#include <catch2/catch.hpp>
#include <glm/gtc/matrix_transform.hpp>

#include "gpu_support.h"
#include "photo/png.h"
#include "scene/fixtures.h"
#include "scene/scene.h"

using namespace ocop;
using namespace ocop::scene;

namespace {

Fixture fixtures_test_fixture(std::string_view type, glm::vec3 size, glm::vec3 pos = glm::vec3(0.0f), float yaw = 0.0f) {
    Fixture f;
    f.id = std::string(type) + "-1";
    f.type = std::string(type);
    f.size = size;
    f.pos = pos;
    f.yaw_deg = yaw;
    f.text = {"Gốm sứ Bát Tràng", "Bát Tràng ceramics"};
    return f;
}

Fixture fixtures_test_default(const FixtureType& t) { return fixtures_test_fixture(t.name, t.default_size); }

// Whether an up-facing surface of the model passes through `p` (within `tolerance` in height).
bool fixtures_test_surface_at(const assets::Model& m, glm::vec3 p, float tolerance) {
    for (const assets::MeshInstance& i : m.instances()) {
        const assets::Mesh& mesh = m.meshes[static_cast<std::size_t>(i.mesh)];
        for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
            const glm::vec3 a = mesh.positions[mesh.indices[t]], b = mesh.positions[mesh.indices[t + 1]],
                            c = mesh.positions[mesh.indices[t + 2]];
            const glm::vec3 n = glm::cross(b - a, c - a);
            if (glm::length(n) < 1e-12f || glm::normalize(n).y < 0.99f) continue;
            // Barycentric coordinates of p in the triangle's projection on the floor.
            const glm::vec2 v0{b.x - a.x, b.z - a.z}, v1{c.x - a.x, c.z - a.z}, v2{p.x - a.x, p.z - a.z};
            const float den = v0.x * v1.y - v1.x * v0.y;
            if (std::abs(den) < 1e-12f) continue;
            const float u = (v2.x * v1.y - v1.x * v2.y) / den, v = (v0.x * v2.y - v2.x * v0.y) / den;
            if (u < -1e-4f || v < -1e-4f || u + v > 1.0001f) continue;
            if (std::abs(a.y + u * (b.y - a.y) + v * (c.y - a.y) - p.y) <= tolerance) return true;
        }
    }
    return false;
}

}  // namespace

TEST_CASE("fixture types: the table has every type the centres use, with unique names", "[scene][fixtures]") {
    std::set<std::string_view> names;
    for (const FixtureType& t : fixture_types()) {
        CHECK(names.insert(t.name).second);
        CHECK(t.default_size.x > 0.0f);
        CHECK(t.default_size.y > 0.0f);
        CHECK(t.default_size.z > 0.0f);
        CHECK(!t.description.empty());
        // A type that holds products has slots at its default size, one that does not has none.
        CHECK(fixture_slots(fixtures_test_default(t)).empty() == !t.holds_products);
    }
    for (std::string_view n : {"plinth", "pedestal", "display-table", "wall-shelf", "vitrine", "counter", "wall-panel",
                               "info-panel", "dress-form", "food-display", "workshop-table", "chair", "demo-bench",
                               "potters-wheel", "loom", "photo-sweep", "photo-light", "sign", "screen"})
        CHECK(find_fixture_type(n) != nullptr);
    CHECK(find_fixture_type("wardrobe") == nullptr);
    CHECK(find_fixture_type("") == nullptr);
    CHECK(find_fixture_type("Plinth") == nullptr);  // names are exact
    REQUIRE(find_fixture_type("vitrine"));
    CHECK(find_fixture_type("vitrine")->default_size == glm::vec3(1.0f, 1.9f, 0.5f));
    CHECK(find_fixture_type("wall-panel")->mount == FixtureMount::Wall);
    CHECK(find_fixture_type("wall-shelf")->mount == FixtureMount::Wall);
    CHECK(find_fixture_type("plinth")->mount == FixtureMount::Floor);
}

TEST_CASE("fixture models: every type has valid geometry filling its size within 2 cm", "[scene][fixtures]") {
    const Brand brand = default_brand();
    for (const FixtureType& t : fixture_types()) {
        // Printed faces cost a font load each: those types are checked at their default size only.
        const bool printed = t.name == "sign" || t.name == "info-panel" || t.name == "wall-panel" || t.name == "screen";
        for (const float scale : {1.0f, 1.3f}) {
            if (printed && scale != 1.0f) continue;
            INFO(t.name << " at " << scale << "x");
            const glm::vec3 size = t.default_size * glm::vec3(scale, 1.0f, scale);
            const assets::Model m = fixture_model(fixtures_test_fixture(t.name, size), brand);
            REQUIRE(m.triangle_count() > 0);
            CHECK(m.triangle_count() < (t.name == "loom" ? 12000u : 5000u));
            for (const assets::Mesh& mesh : m.meshes) {
                REQUIRE(mesh.normals.size() == mesh.positions.size());
                REQUIRE(mesh.uv0.size() == mesh.positions.size());
                CHECK(mesh.indices.size() % 3 == 0);
                REQUIRE(mesh.material >= 0);
                REQUIRE(static_cast<std::size_t>(mesh.material) < m.materials.size());
                for (const std::uint32_t i : mesh.indices) REQUIRE(i < mesh.positions.size());
                for (const glm::vec3& n : mesh.normals) REQUIRE(std::abs(glm::length(n) - 1.0f) < 1e-3f);
                for (const glm::vec3& p : mesh.positions) REQUIRE(std::isfinite(p.x + p.y + p.z));
            }
            for (const assets::Material& mat : m.materials) {
                if (mat.base_color_texture.present()) {
                    REQUIRE(static_cast<std::size_t>(mat.base_color_texture.image) < m.images.size());
                    const assets::Image& img = m.images[static_cast<std::size_t>(mat.base_color_texture.image)];
                    CHECK(img.rgba8.size() == static_cast<std::size_t>(img.width) * img.height * 4);
                }
            }
            const Bounds b = m.bounds();
            CHECK(std::abs(b.min.x + 0.5f * size.x) < 0.02f);
            CHECK(std::abs(b.max.x - 0.5f * size.x) < 0.02f);
            CHECK(std::abs(b.min.y) < 0.02f);
            CHECK(std::abs(b.max.y - size.y) < 0.02f);
            CHECK(std::abs(b.min.z + 0.5f * size.z) < 0.02f);
            CHECK(std::abs(b.max.z - 0.5f * size.z) < 0.02f);
        }
    }
}

TEST_CASE("fixture models: the same type and size give identical models, and glass is transmissive", "[scene][fixtures]") {
    const Brand brand = default_brand();
    const Fixture f = fixtures_test_fixture("vitrine", {1.0f, 1.9f, 0.5f});
    const assets::Model a = fixture_model(f, brand), b = fixture_model(f, brand);
    REQUIRE(a.meshes.size() == b.meshes.size());
    for (std::size_t i = 0; i < a.meshes.size(); ++i) {
        CHECK(a.meshes[i].positions == b.meshes[i].positions);
        CHECK(a.meshes[i].indices == b.meshes[i].indices);
    }
    bool glass = false;
    for (const assets::Material& m : a.materials)
        if (m.transmission.enabled) {
            glass = true;
            CHECK(m.transmission.factor == 1.0f);
            CHECK(m.roughness == Approx(0.02f));
            CHECK(m.ior == Approx(1.5f));
        }
    CHECK(glass);
    // An unknown type has no geometry (the centre parser reports it; nothing to draw here).
    CHECK(fixture_model(fixtures_test_fixture("wardrobe", glm::vec3(1.0f)), brand).meshes.empty());
}

TEST_CASE("fixture slots lie on the geometry's top surfaces", "[scene][fixtures]") {
    const Brand brand = default_brand();
    const Fixture plinth = fixtures_test_fixture("plinth", {0.5f, 1.0f, 0.5f});
    const std::vector<Slot> ps = fixture_slots(plinth);
    REQUIRE(ps.size() == 1);
    CHECK(ps[0].position == glm::vec3(0.0f, 1.0f, 0.0f));
    CHECK(ps[0].max_footprint.x == Approx(0.46f));
    CHECK_FALSE(ps[0].behind_glass);
    for (const FixtureType& t : fixture_types()) {
        if (!t.holds_products) continue;
        const Fixture f = fixtures_test_default(t);
        const assets::Model m = fixture_model(f, brand);
        for (const Slot& s : fixture_slots(f)) {
            INFO(t.name << " slot at " << s.position.x << ", " << s.position.y << ", " << s.position.z);
            CHECK(std::abs(s.position.x) <= 0.5f * f.size.x);
            CHECK(std::abs(s.position.z) <= 0.5f * f.size.z);
            CHECK(s.max_footprint.x > 0.05f);
            CHECK(s.max_footprint.y > 0.05f);
            CHECK(s.max_height_m > 0.1f);
            // Something faces up exactly at the slot's height right there (a board, a top, a tier).
            CHECK(fixtures_test_surface_at(m, s.position, 0.002f));
        }
    }
    for (const Slot& s : fixture_slots(fixtures_test_fixture("vitrine", {1.0f, 1.9f, 0.5f}))) CHECK(s.behind_glass);
}

TEST_CASE("fixture slots scale with the fixture's size", "[scene][fixtures]") {
    CHECK(fixture_slots(fixtures_test_fixture("display-table", {1.6f, 0.75f, 0.8f})).size() == 8);   // 4 x 2
    CHECK(fixture_slots(fixtures_test_fixture("display-table", {2.4f, 0.75f, 0.8f})).size() == 14);  // 7 x 2
    CHECK(fixture_slots(fixtures_test_fixture("display-table", {0.6f, 0.75f, 0.4f})).size() == 1);
    CHECK(fixture_slots(fixtures_test_fixture("counter", {2.0f, 1.0f, 0.6f})).size() == 2);
    CHECK(fixture_slots(fixtures_test_fixture("counter", {3.0f, 1.0f, 0.6f})).size() == 3);
    CHECK(fixture_slots(fixtures_test_fixture("demo-bench", {1.5f, 0.8f, 0.7f})).size() == 3);
    CHECK(fixture_slots(fixtures_test_fixture("food-display", {1.2f, 0.95f, 0.7f})).size() == 8);  // 4 a tier
    // A 2 m wall shelf has four boards of three; a 1.4 m one three boards; a wider one more a board.
    CHECK(fixture_slots(fixtures_test_fixture("wall-shelf", {1.2f, 2.0f, 0.35f})).size() == 12);
    CHECK(fixture_slots(fixtures_test_fixture("wall-shelf", {1.2f, 1.4f, 0.35f})).size() == 9);
    CHECK(fixture_slots(fixtures_test_fixture("wall-shelf", {2.4f, 2.0f, 0.35f})).size() == 28);
    // The vitrine: the deck and two glass shelves of three, about 0.3 m clear each.
    const std::vector<Slot> v = fixture_slots(fixtures_test_fixture("vitrine", {1.0f, 1.9f, 0.5f}));
    REQUIRE(v.size() == 9);
    CHECK(v[0].position.y == Approx(0.9f));
    CHECK(v[0].max_height_m == Approx(0.31f).margin(0.01f));
    CHECK(v[8].position.y < 1.9f - 0.05f - 0.25f);
    // Slot positions scale: a plinth twice as tall carries its product twice as high.
    CHECK(fixture_slots(fixtures_test_fixture("plinth", {0.5f, 2.0f, 0.5f}))[0].position.y == 2.0f);
    const std::vector<Slot> wheel = fixture_slots(fixtures_test_fixture("potters-wheel", {0.7f, 0.6f, 0.7f}));
    REQUIRE(wheel.size() == 1);
    CHECK(wheel[0].position == glm::vec3(0.0f, 0.6f, 0.0f));
    const std::vector<Slot> sweep = fixture_slots(fixtures_test_fixture("photo-sweep", {1.6f, 1.6f, 1.2f}));
    REQUIRE(sweep.size() == 1);
    CHECK(sweep[0].position.y == Approx(0.83f));
    CHECK(fixture_slots(fixtures_test_fixture("loom", {1.4f, 1.6f, 1.2f})).empty());
    CHECK(fixture_slots(fixtures_test_fixture("wardrobe", {1.0f, 1.0f, 1.0f})).empty());
}

TEST_CASE("fixture footprints: corners rotate with the yaw, counter-clockwise", "[scene][fixtures]") {
    // 2 x 0.6 counter at (5, 0, 3): at 0° its corners span x 4..6, z 2.7..3.3.
    const auto at0 = fixture_footprint(fixtures_test_fixture("counter", {2.0f, 1.0f, 0.6f}, {5.0f, 0.0f, 3.0f}, 0.0f));
    CHECK(at0[0] == glm::vec2(4.0f, 2.7f));
    CHECK(at0[1] == glm::vec2(6.0f, 2.7f));
    CHECK(at0[2] == glm::vec2(6.0f, 3.3f));
    CHECK(at0[3] == glm::vec2(4.0f, 3.3f));
    // At 90° the front (+Z) faces +X: the long side runs along z, exactly.
    const auto at90 = fixture_footprint(fixtures_test_fixture("counter", {2.0f, 1.0f, 0.6f}, {5.0f, 0.0f, 3.0f}, 90.0f));
    CHECK(at90[0] == glm::vec2(4.7f, 4.0f));
    CHECK(at90[1] == glm::vec2(4.7f, 2.0f));
    CHECK(at90[2] == glm::vec2(5.3f, 2.0f));
    CHECK(at90[3] == glm::vec2(5.3f, 4.0f));
    const auto at_minus_270 = fixture_footprint(fixtures_test_fixture("counter", {2.0f, 1.0f, 0.6f}, {5.0f, 0.0f, 3.0f}, -270.0f));
    CHECK(at_minus_270 == at90);
    // Every yaw: a counter-clockwise rectangle (positive shoelace area) of the same area,
    // matching fixture_transform.
    for (const float yaw : {0.0f, 30.0f, 90.0f, 135.0f, 180.0f, 270.0f, 333.0f}) {
        const Fixture f = fixtures_test_fixture("counter", {2.0f, 1.0f, 0.6f}, {5.0f, 0.0f, 3.0f}, yaw);
        const auto c = fixture_footprint(f);
        float area2 = 0.0f;
        for (std::size_t i = 0; i < 4; ++i) area2 += c[i].x * c[(i + 1) % 4].y - c[(i + 1) % 4].x * c[i].y;
        CHECK(0.5f * area2 == Approx(1.2f).epsilon(1e-4));
        const glm::vec4 corner = fixture_transform(f) * glm::vec4(-1.0f, 0.0f, -0.3f, 1.0f);
        CHECK(corner.x == Approx(c[0].x).margin(1e-5));
        CHECK(corner.z == Approx(c[0].y).margin(1e-5));
    }
    // The front of a fixture turned by 90° faces +X.
    const glm::vec4 front = fixture_transform(fixtures_test_fixture("plinth", glm::vec3(0.5f), {0, 0, 0}, 90.0f)) *
                            glm::vec4(0.0f, 0.0f, 1.0f, 0.0f);
    CHECK(front.x == Approx(1.0f));
    CHECK(front.z == Approx(0.0f).margin(1e-6));
}

// Not run by default: renders every fixture in three rows, each slot carrying a small ball,
// to build/test-output/fixtures/*.png, for people to look at.
TEST_CASE("look: time per fixture model", "[.look]") {
    const Brand brand = default_brand();
    for (const FixtureType& t : fixture_types()) {
        const auto start = std::chrono::steady_clock::now();
        const assets::Model m = fixture_model(fixtures_test_default(t), brand);
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        WARN(t.name << ": " << m.triangle_count() << " triangles, " << m.images.size() << " images, " << ms << " ms");
    }
}

TEST_CASE("look: every fixture, with a ball on each slot", "[.look]") {
    test::TestGpu gpu;
    const Brand brand = default_brand();
    const std::vector<std::vector<std::string_view>> rows{
        {"plinth", "pedestal", "display-table", "wall-shelf", "vitrine", "counter", "dress-form"},
        {"food-display", "workshop-table", "chair", "demo-bench", "potters-wheel", "loom"},
        {"photo-sweep", "photo-light", "sign", "screen", "info-panel", "wall-panel"}};
    assets::Model ball_model;
    ball_model.meshes.push_back(test::uv_sphere(glm::vec3(0.0f), 0.06f, 24, 12));
    ball_model.meshes.back().material = 0;
    assets::Material ceramic;
    ceramic.name = "ball";
    ceramic.base_color = {0.1f, 0.25f, 0.6f, 1.0f};
    ceramic.metallic = 0.0f;
    ceramic.roughness = 0.2f;
    ball_model.materials.push_back(ceramic);
    auto ball = std::make_shared<const assets::Model>(std::move(ball_model));
    assets::Model floor_model;
    assets::Mesh floor;
    floor.positions = {{-20, 0, -20}, {20, 0, -20}, {20, 0, 20}, {-20, 0, 20}};
    floor.normals.assign(4, {0, 1, 0});
    floor.indices = {0, 2, 1, 0, 3, 2};
    floor.material = 0;
    floor_model.meshes.push_back(floor);
    assets::Material terrazzo;
    terrazzo.base_color = {0.55f, 0.53f, 0.5f, 1.0f};
    terrazzo.metallic = 0.0f;
    terrazzo.roughness = 0.6f;
    floor_model.materials.push_back(terrazzo);
    auto floor_ptr = std::make_shared<const assets::Model>(std::move(floor_model));
    int row_index = 0;
    for (const auto& row : rows) {
        scene::Scene s;
        s.products.push_back({floor_ptr, glm::mat4(1.0f)});
        float x = 0.0f;
        for (std::string_view name : row) {
            const FixtureType* t = find_fixture_type(name);
            REQUIRE(t);
            Fixture f = fixtures_test_default(*t);
            if (name == "wall-panel") f.graphic = "bat-trang-kiln";
            if (name == "info-panel") f.graphic = "";
            f.pos = {x + 0.5f * f.size.x, 0.0f, 0.0f};
            x += f.size.x + 0.35f;
            s.products.push_back({std::make_shared<const assets::Model>(fixture_model(f, brand)), fixture_transform(f)});
            for (const Slot& slot : fixture_slots(f))
                s.products.push_back({ball, fixture_transform(f) * glm::translate(glm::mat4(1.0f), slot.position +
                                                                                                     glm::vec3(0, 0.06f, 0))});
        }
        const float width = x - 0.35f;
        s.lights.push_back({.direction = glm::normalize(glm::vec3(0.4f, -0.8f, -0.5f)), .colour = glm::vec3(1.0f),
                            .intensity = 2.5f});
        s.camera.target = {0.5f * width, 0.9f, 0.0f};
        // Far enough that the row fills the frame's width (2:1, 35° vertical field of view).
        s.camera.position = {0.5f * width, 2.2f, (0.5f * width + 0.2f) / (2.0f * std::tan(glm::radians(17.5f))) + 0.5f};
        s.camera.vertical_fov_deg = 35.0f;
        s.camera.far_m = 100.0f;
        s.background = {0.8f, 0.82f, 0.85f, 1.0f};
        Result<render::Pixels> p = gpu.renderer->render_offscreen(s, 1600, 800);
        REQUIRE(p.ok());
        const std::filesystem::path out =
            std::filesystem::path(OCOP_BINARY_DIR) / "test-output" / "fixtures" / ("row" + std::to_string(row_index++) + ".png");
        std::filesystem::create_directories(out.parent_path());
        REQUIRE(photo::write_png(out, *p).ok());
    }
}
