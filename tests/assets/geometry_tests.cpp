// Tangents, normals and image decoding on hand-made data.
#include <cmath>

#include "assets/image.h"
#include "assets/normalise.h"
#include "assets/tangents.h"
#include "support.h"

using ocop::assets::Mesh;

namespace {

// A unit quad in the XY plane facing +Z, its image upright: the image's top-left (uv 0,0 in
// glTF's convention) at the quad's top-left corner.
Mesh assets_upright_quad() {
    Mesh quad;
    quad.positions = {{0, 0, 0}, {1, 0, 0}, {1, 1, 0}, {0, 1, 0}};
    quad.normals.assign(4, glm::vec3(0, 0, 1));
    quad.uv0 = {{0, 1}, {1, 1}, {1, 0}, {0, 0}};
    quad.indices = {0, 1, 2, 0, 2, 3};
    return quad;
}

void assets_check_tangent_frame(const Mesh& mesh) {
    REQUIRE(mesh.tangents.size() == mesh.positions.size());
    for (std::size_t v = 0; v < mesh.tangents.size(); ++v) {
        const glm::vec3 t(mesh.tangents[v]);
        REQUIRE(std::isfinite(t.x));
        REQUIRE(std::isfinite(t.y));
        REQUIRE(std::isfinite(t.z));
        CHECK(std::abs(glm::length(t) - 1.0f) < 1e-5f);
        CHECK(std::abs(glm::dot(t, mesh.normals[v])) < 1e-5f);
        CHECK(std::abs(mesh.tangents[v].w) == 1.0f);
    }
}

}  // namespace

TEST_CASE("Tangents on a quad: unit, orthogonal to the normal, glTF handedness", "[assets]") {
    SECTION("upright image: tangent +X, bitangent +Y (w = +1)") {
        Mesh quad = assets_upright_quad();
        ocop::assets::generate_tangents(quad);
        assets_check_tangent_frame(quad);
        for (const glm::vec4& t : quad.tangents) {
            CHECK(glm::length(glm::vec3(t) - glm::vec3(1, 0, 0)) < 1e-5f);
            CHECK(t.w == 1.0f);
        }
    }
    SECTION("image mirrored left-right: tangent -X, w = -1") {
        Mesh quad = assets_upright_quad();
        for (glm::vec2& uv : quad.uv0) uv.x = 1.0f - uv.x;
        ocop::assets::generate_tangents(quad);
        assets_check_tangent_frame(quad);
        for (const glm::vec4& t : quad.tangents) {
            CHECK(glm::length(glm::vec3(t) - glm::vec3(-1, 0, 0)) < 1e-5f);
            CHECK(t.w == -1.0f);
        }
    }
    SECTION("tilted normals are still orthogonal after Gram-Schmidt") {
        Mesh quad = assets_upright_quad();
        for (glm::vec3& n : quad.normals) n = glm::normalize(glm::vec3(0.3f, -0.2f, 1.0f));
        ocop::assets::generate_tangents(quad);
        assets_check_tangent_frame(quad);
    }
    SECTION("degenerate UVs give a valid fallback, never NaN") {
        Mesh quad = assets_upright_quad();
        quad.uv0.assign(4, glm::vec2(0.5f));
        ocop::assets::generate_tangents(quad);
        assets_check_tangent_frame(quad);
        Mesh line = assets_upright_quad();
        line.uv0 = {{0, 0}, {1, 1}, {2, 2}, {3, 3}};  // collinear: zero UV area
        ocop::assets::generate_tangents(line);
        assets_check_tangent_frame(line);
    }
    SECTION("no UVs: nothing to generate") {
        Mesh quad = assets_upright_quad();
        quad.uv0.clear();
        ocop::assets::generate_tangents(quad);
        CHECK(quad.tangents.empty());
    }
}

TEST_CASE("Missing normals are filled, area-weighted and unit length", "[assets]") {
    Mesh quad = assets_upright_quad();
    quad.normals.clear();
    ocop::assets::fill_missing_normals(quad);
    REQUIRE(quad.normals.size() == 4);
    for (const glm::vec3& n : quad.normals) CHECK(glm::length(n - glm::vec3(0, 0, 1)) < 1e-6f);

    Mesh degenerate;
    degenerate.positions = {{0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {5, 5, 5}};
    degenerate.indices = {0, 1, 2};
    ocop::assets::fill_missing_normals(degenerate);
    REQUIRE(degenerate.normals.size() == 4);
    for (const glm::vec3& n : degenerate.normals) CHECK(glm::length(n - glm::vec3(0, 1, 0)) < 1e-6f);
}

TEST_CASE("Z-up to Y-up is a proper rotation", "[assets]") {
    const glm::vec3 x = ocop::assets::z_up_to_y_up({1, 0, 0});
    const glm::vec3 y = ocop::assets::z_up_to_y_up({0, 1, 0});
    const glm::vec3 z = ocop::assets::z_up_to_y_up({0, 0, 1});
    CHECK(z == glm::vec3(0, 1, 0));  // up stays up
    CHECK(glm::dot(glm::cross(x, y), z) == 1.0f);  // right-handed stays right-handed
}

TEST_CASE("Image decoding: formats, encoded bytes kept, absurd sizes refused", "[assets]") {
    // A 1x1 red PNG.
    const std::vector<std::uint8_t> png = {
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44,
        0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90,
        0x77, 0x53, 0xde, 0x00, 0x00, 0x00, 0x0c, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8,
        0xcf, 0xc0, 0x00, 0x00, 0x03, 0x01, 0x01, 0x00, 0xc9, 0xfe, 0x92, 0xef, 0x00, 0x00, 0x00,
        0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82};
    const auto image = ocop::assets::decode_image(png, "red.png");
    REQUIRE(image.ok());
    CHECK(image->width == 1);
    CHECK(image->height == 1);
    CHECK(image->rgba8 == std::vector<std::uint8_t>{255, 0, 0, 255});
    CHECK(image->mime_type == "image/png");
    CHECK(image->encoded == png);

    // The same header claiming 20000 x 1 pixels: refused before any pixel is decoded.
    std::vector<std::uint8_t> huge = png;
    huge[16] = 0x00, huge[17] = 0x00, huge[18] = 0x4e, huge[19] = 0x20;
    const auto refused = ocop::assets::decode_image(huge, "huge.png");
    REQUIRE(!refused.ok());
    CHECK(refused.error().kind == ocop::Error::Kind::BadInput);
    CHECK(refused.error().message().find("huge.png") != std::string::npos);

    const std::vector<std::uint8_t> garbage = {1, 2, 3, 4, 5};
    CHECK(!ocop::assets::decode_image(garbage, "garbage.png").ok());
    CHECK(!ocop::assets::decode_image({}, "empty.png").ok());
    CHECK(ocop::assets::sniff_image_mime_type(std::vector<std::uint8_t>{0xff, 0xd8, 0xff, 0xe0}) == "image/jpeg");
    CHECK(!ocop::assets::load_image_file("/nonexistent/texture.png").ok());
}
