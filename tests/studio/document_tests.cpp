// The studio's Document without a window: undo and redo with labels, gestures, the history cap,
// atomic saves, reloading, autosave and recovery after a crash, on a copy of the Phu Nghia centre.
#include <sys/stat.h>

#include <fstream>

#include "core/files.h"
#include "edit/document.h"
#include "edit/edits.h"
#include "scene/centre.h"
#include "support.h"

namespace fs = std::filesystem;
using namespace ocop;
using namespace ocop::scene;
using namespace ocop::studio;

namespace {

const fs::path document_test_phu_nghia = fs::path(OCOP_SOURCE_DIR) / "scenes/centres/phu-nghia.centre.json";

// The shipped centre, saved as a copy in a fresh folder of this test (its catalogue path
// rewritten to reach the same catalogue from there).
Document document_test_copy(const std::string& name) {
    Result<Document> opened = Document::open(document_test_phu_nghia);
    INFO((opened.ok() ? std::string() : opened.error().message()));
    REQUIRE(opened.ok());
    Document doc = std::move(opened).value();
    const Status s = doc.save_as(test::scratch_dir(name) / "phu-nghia.centre.json");
    INFO((s.ok() ? std::string() : s.error().message()));
    REQUIRE(s.ok());
    REQUIRE_FALSE(doc.dirty());
    return doc;
}

std::string document_test_read(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// An edit as the app makes it: one of edits.h inside Document::apply.
Status document_test_move(Document& doc, const std::string& fixture, glm::vec3 pos, float yaw = 0.0f) {
    return doc.apply("Move " + fixture, [&](Centre& c) { return move_fixture(c, fixture, pos, yaw); });
}

void document_test_ok(const Status& s) {
    INFO((s.ok() ? std::string() : s.error().message()));
    REQUIRE(s.ok());
}

}  // namespace

TEST_CASE("Undo and redo step through the edits with their labels", "[studio]") {
    Document doc = document_test_copy("document_undo");
    const Centre start = doc.centre();
    CHECK_FALSE(doc.can_undo());
    CHECK_FALSE(doc.can_redo());
    CHECK(doc.undo_label().empty());
    CHECK_FALSE(doc.undo());
    CHECK_FALSE(doc.redo());

    document_test_ok(document_test_move(doc, "pv-plinth-1", {3.0f, 0.0f, 6.0f}));
    const Centre moved = doc.centre();
    document_test_ok(doc.apply("Delete pv-counter", [](Centre& c) {
        const ObjectRef counter = fixture_ref("pv-counter");
        return delete_objects(c, std::span(&counter, 1));
    }));
    const Centre deleted = doc.centre();
    CHECK(doc.history_size() == 2);
    CHECK(doc.undo_label() == "Delete pv-counter");
    CHECK(doc.dirty());

    // Neither a refused edit nor one that changes nothing makes a step.
    const Status refused = document_test_move(doc, "pv-ghost", {1.0f, 0.0f, 1.0f});
    CHECK_FALSE(refused.ok());
    document_test_ok(document_test_move(doc, "pv-plinth-1", {3.0f, 0.0f, 6.0f}));
    CHECK(doc.history_size() == 2);
    CHECK(doc.centre() == deleted);

    REQUIRE(doc.undo());
    CHECK(doc.centre() == moved);
    CHECK(doc.undo_label() == "Move pv-plinth-1");
    CHECK(doc.redo_label() == "Delete pv-counter");
    REQUIRE(doc.undo());
    CHECK(doc.centre() == start);
    CHECK_FALSE(doc.dirty());  // back to the file's state
    CHECK_FALSE(doc.can_undo());
    CHECK(doc.redo_label() == "Move pv-plinth-1");
    REQUIRE(doc.redo());
    REQUIRE(doc.redo());
    CHECK(doc.centre() == deleted);
    CHECK_FALSE(doc.can_redo());
    CHECK(doc.redo_label().empty());
}

TEST_CASE("A new edit clears the redo stack", "[studio]") {
    Document doc = document_test_copy("document_redo_cleared");
    document_test_ok(document_test_move(doc, "pv-plinth-1", {3.0f, 0.0f, 6.0f}));
    document_test_ok(document_test_move(doc, "pv-plinth-2", {5.0f, 0.0f, 6.0f}));
    REQUIRE(doc.undo());
    CHECK(doc.can_redo());
    document_test_ok(document_test_move(doc, "pv-plinth-3", {7.0f, 0.0f, 6.0f}));
    CHECK_FALSE(doc.can_redo());
    CHECK_FALSE(doc.redo());
    CHECK(doc.undo_label() == "Move pv-plinth-3");
    CHECK(doc.history_size() == 2);
}

TEST_CASE("Edits that would break the schema or move the file are refused by apply", "[studio]") {
    Document doc = document_test_copy("document_apply_refuses");
    const Centre start = doc.centre();
    const Status flat = doc.apply("Flatten", [](Centre& c) -> Status {
        c.fixtures[0].size.y = 0.0f;
        return Ok{};
    });
    REQUIRE_FALSE(flat.ok());
    CHECK(flat.error().where == "fixtures[0].size[1]");
    const Status elsewhere = doc.apply("Move file", [](Centre& c) -> Status {
        c.source = "/tmp/elsewhere.centre.json";
        return Ok{};
    });
    CHECK_FALSE(elsewhere.ok());
    CHECK(doc.centre() == start);
    CHECK_FALSE(doc.can_undo());
}

TEST_CASE("A gesture's many small edits make one undo step labelled by the first", "[studio]") {
    Document doc = document_test_copy("document_gesture");
    const Centre start = doc.centre();
    doc.begin_gesture();
    CHECK(doc.in_gesture());
    for (int i = 1; i <= 20; ++i)
        document_test_ok(document_test_move(doc, "pv-plinth-1", {3.5f + 0.05f * float(i), 0.0f, 6.5f}, 180.0f));
    doc.end_gesture();
    CHECK_FALSE(doc.in_gesture());
    CHECK(doc.history_size() == 1);
    CHECK(doc.undo_label() == "Move pv-plinth-1");
    CHECK(doc.centre().find_fixture("pv-plinth-1")->pos.x == Approx(4.5f));
    REQUIRE(doc.undo());
    CHECK(doc.centre() == start);
    REQUIRE(doc.redo());
    CHECK(doc.centre().find_fixture("pv-plinth-1")->pos.x == Approx(4.5f));

    // A drag that ends where it began leaves no step; the next gesture is a step of its own.
    doc.begin_gesture();
    document_test_ok(document_test_move(doc, "pv-plinth-2", {6.0f, 0.0f, 6.5f}, 180.0f));
    document_test_ok(document_test_move(doc, "pv-plinth-2", {5.3f, 0.0f, 6.5f}, 180.0f));
    doc.end_gesture();
    CHECK(doc.history_size() == 1);
    doc.begin_gesture();
    document_test_ok(document_test_move(doc, "pv-plinth-3", {7.5f, 0.0f, 6.5f}, 180.0f));
    doc.end_gesture();
    CHECK(doc.history_size() == 2);
    CHECK(doc.undo_label() == "Move pv-plinth-3");
}

TEST_CASE("The undo history keeps the last 500 steps", "[studio]") {
    Document doc = document_test_copy("document_history_cap");
    REQUIRE(Document::kMaxUndo == 500);
    const int edits = 510;
    Centre after_ten = doc.centre();
    for (int i = 1; i <= edits; ++i) {
        document_test_ok(doc.apply("Move light " + std::to_string(i), [&](Centre& c) {
            return move_light(c, 0, {4.0f, 3.9f, 9.5f - 0.001f * float(i)});
        }));
        if (i == edits - int(Document::kMaxUndo)) after_ten = doc.centre();
    }
    CHECK(doc.history_size() == Document::kMaxUndo);
    CHECK(doc.undo_label() == "Move light 510");
    std::size_t undone = 0;
    while (doc.undo()) ++undone;
    CHECK(undone == Document::kMaxUndo);
    CHECK(doc.centre() == after_ten);
    CHECK(doc.redo_label() == "Move light 11");
}

TEST_CASE("Saving writes the file atomically and clears dirty", "[studio]") {
    Document doc = document_test_copy("document_save");
    const fs::path path = doc.path();
    struct stat before {};
    REQUIRE(::stat(path.c_str(), &before) == 0);
    document_test_ok(document_test_move(doc, "pv-plinth-1", {3.0f, 0.0f, 6.0f}));
    CHECK(doc.dirty());
    document_test_ok(doc.save());
    CHECK_FALSE(doc.dirty());
    CHECK(document_test_read(path) == centre_to_json(doc.centre()));
    // A new file renamed over the old one (files.h), not the old one rewritten in place: a
    // reader or a crash never sees half a layout. No temporary is left behind.
    struct stat after {};
    REQUIRE(::stat(path.c_str(), &after) == 0);
    CHECK(after.st_ino != before.st_ino);
    for (const fs::directory_entry& e : fs::directory_iterator(path.parent_path()))
        CHECK(e.path().filename() == path.filename());
    // Undo after saving: dirty again; undo back to the saved state: clean.
    REQUIRE(doc.undo());
    CHECK(doc.dirty());
    REQUIRE(doc.redo());
    CHECK_FALSE(doc.dirty());

    // A save that cannot be written changes nothing: the old file and the document stay as they were.
    document_test_ok(document_test_move(doc, "pv-plinth-2", {5.0f, 0.0f, 6.0f}));
    const std::string on_disk = document_test_read(path);
    const Status failed = doc.save_as(path.parent_path() / "no-such-folder" / "x.centre.json");
    CHECK_FALSE(failed.ok());
    CHECK(doc.path() == path);
    CHECK(doc.dirty());
    CHECK(document_test_read(path) == on_disk);
}

TEST_CASE("Reloading a saved document gives an equal centre", "[studio]") {
    Document doc = document_test_copy("document_reload");
    document_test_ok(document_test_move(doc, "pv-plinth-1", {3.25f, 0.0f, 6.75f}, 45.0f));
    document_test_ok(doc.apply("Add plinth", [](Centre& c) -> Status {
        Result<ObjectRef> r = add_fixture(c, "plinth", {10.0f, 0.0f, 8.0f});
        if (!r) return r.error();
        return Ok{};
    }));
    document_test_ok(doc.save());
    Result<Document> reloaded = Document::open(doc.path());
    REQUIRE(reloaded.ok());
    CHECK(reloaded->centre() == doc.centre());
    CHECK_FALSE(reloaded->dirty());
    CHECK_FALSE(reloaded->can_undo());
}

TEST_CASE("Save As moves the document beside its new file and keeps its catalogue", "[studio]") {
    Document doc = document_test_copy("document_save_as");
    // The copy sits in another folder than the shipped file, yet finds the same catalogue.
    Result<Centre> shipped = load_centre(document_test_phu_nghia);
    REQUIRE(shipped.ok());
    CHECK(fs::equivalent(catalogue_path(doc.centre()), catalogue_path(*shipped)));
    document_test_ok(document_test_move(doc, "pv-plinth-1", {3.0f, 0.0f, 6.0f}));
    document_test_ok(doc.autosave());
    const fs::path old_autosave = doc.autosave_path();
    REQUIRE(fs::exists(old_autosave));
    const fs::path deeper = doc.path().parent_path() / "copies" / "phu-nghia-2.centre.json";
    fs::create_directories(deeper.parent_path());
    document_test_ok(doc.save_as(deeper));
    CHECK(doc.path() == deeper);
    CHECK_FALSE(doc.dirty());
    CHECK_FALSE(fs::exists(old_autosave));
    CHECK(fs::equivalent(catalogue_path(doc.centre()), catalogue_path(*shipped)));
    // Undo keeps the new file (the history moved with it).
    REQUIRE(doc.undo());
    CHECK(doc.path() == deeper);
    CHECK(doc.dirty());
    Result<Document> reloaded = Document::open(deeper);
    REQUIRE(reloaded.ok());
    REQUIRE(doc.redo());
    CHECK(reloaded->centre() == doc.centre());
}

TEST_CASE("Autosave and recovery bring back unsaved changes as one undoable step", "[studio]") {
    Document doc = document_test_copy("document_autosave");
    const fs::path path = doc.path();
    const fs::path autosave = doc.autosave_path();
    CHECK(autosave == path.parent_path() / "phu-nghia.centre.json.autosave");
    const Centre file_state = doc.centre();

    // Nothing changed: nothing written.
    document_test_ok(doc.autosave());
    CHECK_FALSE(fs::exists(autosave));
    CHECK_FALSE(Document::recovery_for(path).has_value());

    document_test_ok(document_test_move(doc, "pv-plinth-1", {3.0f, 0.0f, 6.0f}));
    document_test_ok(doc.autosave());
    REQUIRE(fs::exists(autosave));
    // Written only when the centre changed since the last autosave.
    fs::remove(autosave);
    document_test_ok(doc.autosave());
    CHECK_FALSE(fs::exists(autosave));
    document_test_ok(doc.apply("Delete pv-counter", [](Centre& c) {
        const ObjectRef counter = fixture_ref("pv-counter");
        return delete_objects(c, std::span(&counter, 1));
    }));
    document_test_ok(doc.autosave());
    REQUIRE(fs::exists(autosave));
    const Centre unsaved = doc.centre();
    CHECK(document_test_read(path) == centre_to_json(file_state));  // the file itself is untouched

    // The app crashes here: the document is gone, the file and its autosave stay.
    const std::optional<fs::path> found = Document::recovery_for(path);
    REQUIRE(found.has_value());
    CHECK(*found == autosave);
    Result<Document> recovered = Document::recover(path);
    INFO((recovered.ok() ? std::string() : recovered.error().message()));
    REQUIRE(recovered.ok());
    Document& again = *recovered;
    CHECK(again.path() == path);
    CHECK(again.centre() == unsaved);
    CHECK(again.dirty());
    CHECK(again.history_size() == 1);
    CHECK(again.undo_label() == "Recover unsaved changes");
    document_test_ok(again.autosave());  // it holds that already
    REQUIRE(again.undo());
    CHECK(again.centre() == file_state);
    CHECK_FALSE(again.dirty());
    REQUIRE(again.redo());
    CHECK(again.centre() == unsaved);

    // Saving makes the autosave pointless: it goes.
    document_test_ok(again.save());
    CHECK_FALSE(fs::exists(autosave));
    CHECK_FALSE(Document::recovery_for(path).has_value());
    Result<Centre> on_disk = load_centre(path);
    REQUIRE(on_disk.ok());
    CHECK(*on_disk == unsaved);
}

TEST_CASE("An autosave that matches the file is nothing to recover and undoing back removes it", "[studio]") {
    Document doc = document_test_copy("document_autosave_same");
    const fs::path path = doc.path();
    REQUIRE(write_file_atomic(doc.autosave_path(), centre_to_json(doc.centre())).ok());
    CHECK_FALSE(Document::recovery_for(path).has_value());
    fs::remove(doc.autosave_path());

    document_test_ok(document_test_move(doc, "pv-plinth-1", {3.0f, 0.0f, 6.0f}));
    document_test_ok(doc.autosave());
    REQUIRE(Document::recovery_for(path).has_value());
    REQUIRE(doc.undo());
    document_test_ok(doc.autosave());
    CHECK_FALSE(fs::exists(doc.autosave_path()));
    CHECK_FALSE(Document::recovery_for(path).has_value());
}

TEST_CASE("A corrupt autosave is an error naming it while the file still opens", "[studio]") {
    Document doc = document_test_copy("document_autosave_corrupt");
    const fs::path path = doc.path();
    const fs::path autosave = doc.autosave_path();
    std::string half = centre_to_json(doc.centre());
    half.resize(half.size() / 2);  // a crash in the middle of a write that was not atomic
    REQUIRE(write_file_atomic(autosave, half).ok());
    const std::optional<fs::path> found = Document::recovery_for(path);
    REQUIRE(found.has_value());
    CHECK(*found == autosave);
    Result<Document> recovered = Document::recover(path);
    REQUIRE_FALSE(recovered.ok());
    INFO(recovered.error().message());
    CHECK(recovered.error().kind == Error::Kind::BadInput);
    CHECK(recovered.error().file == autosave.string());
    CHECK(recovered.error().message().find("phu-nghia.centre.json.autosave") != std::string::npos);
    Result<Document> opened = Document::open(path);
    REQUIRE(opened.ok());
    CHECK(opened->centre() == doc.centre());

    // An autosave that is valid JSON but not a valid centre is just as corrupt.
    REQUIRE(write_file_atomic(autosave, "{\"format\": \"ocop-centre/1\"}").ok());
    Result<Document> invalid = Document::recover(path);
    REQUIRE_FALSE(invalid.ok());
    CHECK(invalid.error().file == autosave.string());
}
