// plugins/letters/tests/letters_model_test.cpp: letters, their life cycle, sealing dates (time zones,
// daylight saving, days already past), revisions and restore, and what they offer through the core.
#include <doctest/doctest.h>

#include <cstdlib>
#include <ctime>
#include <functional>

#include "core/local_days.h"
#include "core/record_codec.h"
#include "core/record_store.h"
#include "plugins/journal/journal_model.h"
#include "plugins/letters/letters_model.h"
#include "test_support.h"

using namespace toward;
using letters::Letter;
using letters::LettersModel;

namespace {

[[maybe_unused]] int64_t utcMs(int y, unsigned m, unsigned d, int hh = 0, int mm = 0) {
  return (int64_t(core::daysFromCivil(y, m, d)) * 86400 + hh * 3600 + mm * 60) * 1000;
}

// Sets the process time zone for one test (native only: wasm takes the zone from the host).
struct TimeZone {
  explicit TimeZone(const char* tz) { setenv("TZ", tz, 1); tzset(); }
  ~TimeZone() { setenv("TZ", "UTC0", 1); tzset(); }
};

// A store, a settable clock and a model over them.
struct Fixture {
  test::TempDir dir;
  core::Registry registry = test::appRegistry();
  test::FakeClock clock;
  core::RecordStore store{dir.path(), registry, std::ref(clock)};
  Fixture() { store.load(); }
};

std::string isoOf(int32_t day) { return core::isoDay(day); }

}  // namespace

TEST_CASE("[letters] golden schema 1 files read every field") {
  auto l = core::loadBody<Letter>(test::fixture("letters.letter.v1.json"), 1);
  REQUIRE(l.isOk());
  const Letter& v = l.value();
  CHECK(v.recipientKind == "therapist");
  CHECK(v.recipientName == "Anna");
  CHECK(v.text.find("it can wait") != std::string::npos);
  CHECK(v.tags == std::vector<std::string>{"longing", "after a session"});
  CHECK(v.bringToSession);
  CHECK(v.state == "sealed");
  CHECK(v.sealedUntil == "2026-12-24");
  CHECK(v.held);
  CHECK(v.sealedMs == 1764100000000);
  REQUIRE(v.dayWords.size() == 2);
  CHECK(v.dayWords[1].words == 19);
  CHECK(letters::describeLetter(v) == "Dear Anna");

  auto r = core::loadBody<letters::Revision>(test::fixture("letters.revision.v1.json"), 1);
  REQUIRE(r.isOk());
  CHECK(r.value().letterId == "01KAYGQ4E0K7W3J9P2QX");
  CHECK(r.value().timeMs == 1764000000000);
  CHECK(r.value().reason == "writing");
  CHECK(r.value().text == "I wanted to email you after the session.");
}

TEST_CASE("[letters] golden schema 2 reads the content note; schema 1 reads none") {
  auto l = core::loadBody<Letter>(test::fixture("letters.letter.v2.json"), 2);
  REQUIRE(l.isOk());
  CHECK(l.value().contentNote == "about home");
  CHECK(l.value().recipientKind == "parent");
  CHECK(core::loadBody<Letter>(test::fixture("letters.letter.v1.json"), 1).value().contentNote.empty());
  // A schema-1 body never takes a note from a field it did not have.
  CHECK(core::loadBody<Letter>(R"({"contentNote":"x"})", 1).value().contentNote.empty());
}

TEST_CASE("[letters] a letter with a content note is named by its note alone") {
  Letter l = core::loadBody<Letter>(test::fixture("letters.letter.v2.json"), 2).value();
  CHECK(letters::describeLetter(l) == "Content note: about home");
  l.contentNote.clear();
  CHECK(letters::describeLetter(l) == "Dear parent, or whoever raised me");
}

TEST_CASE("[letters] odd values are made safe, and a newer schema is refused") {
  auto odd = core::loadBody<Letter>(R"({"recipientKind":"moon","state":"sealed","sealedUntil":"2026-02-30"})", 1);
  REQUIRE(odd.isOk());
  CHECK(odd.value().recipientKind == "other");
  CHECK(odd.value().state == "finished");   // a seal without a real day opens rather than hides
  CHECK(odd.value().sealedUntil.empty());
  CHECK(core::loadBody<Letter>("{}", 3).error().code() == core::ErrorCode::TooNew);
  Letter kid;
  kid.recipientKind = "from_inner_child";
  CHECK(letters::greetingLine(kid) == "From the child I was,");
}

TEST_CASE("[letters] sealing dates are real local days") {
  CHECK(letters::parseCivilDate("2028-02-29").isOk());
  CHECK(!letters::parseCivilDate("2027-02-29").isOk());
  CHECK(!letters::parseCivilDate("2027-13-01").isOk());
  CHECK(!letters::parseCivilDate("27-1-1").isOk());
  CHECK(!letters::parseCivilDate("2027-01-01x").isOk());
  CHECK(letters::parseCivilDate("2027-01-02").value() == core::daysFromCivil(2027, 1, 2));
}

TEST_CASE("[letters] the life cycle: draft, finished, sealed, released, and back from anywhere") {
  Fixture f;
  LettersModel model(f.store);
  auto id = model.create("parent", "Dad").value();
  CHECK(model.find(id)->state == "draft");
  Letter edited = *model.find(id);
  edited.text = "There is something I never said.";
  REQUIRE(model.save(id, edited));
  REQUIRE(model.finish(id));
  CHECK(model.find(id)->state == "finished");
  const std::string tomorrow = isoOf(core::localDay(f.clock.nowMs) + 1);
  REQUIRE(model.seal(id, tomorrow));
  CHECK(model.find(id)->state == "sealed");
  CHECK(LettersModel::sealedNow(*model.find(id), f.clock.nowMs));
  REQUIRE(model.release(id).code() == core::ErrorCode::Invalid);   // still sealed: open it first
  CHECK(model.find(id)->state == "sealed");
  REQUIRE(model.openEarly(id));
  CHECK(model.find(id)->state == "finished");
  CHECK(model.find(id)->sealedUntil.empty());
  REQUIRE(model.release(id));
  CHECK(model.find(id)->state == "released");
  CHECK(model.find(id)->releasedMs == f.clock.nowMs);
  CHECK(model.find(id)->text == "There is something I never said.");   // let go, never lost
  REQUIRE(model.reopen(id));
  CHECK(model.find(id)->state == "draft");
  // Every change of state left a snapshot: finished, sealed, opened, released, draft (+ the first words).
  CHECK(model.revisions(id).size() == 6);

  // Deleting is an explicit choice: the letter goes to the trash, its history is deleted.
  REQUIRE(model.removeLetter(id));
  CHECK(model.find(id) == nullptr);
  CHECK(f.store.trash().size() == 1);
  CHECK(f.store.list(letters::kRevisionType).empty());
  REQUIRE(f.store.restore(letters::kLetterType, id));
  CHECK(model.find(id)->text == "There is something I never said.");
}

TEST_CASE("[letters] a sealed letter hides its words until its day, and saving cannot change them") {
  Fixture f;
  LettersModel model(f.store);
  auto id = model.create("future_self").value();
  Letter e = *model.find(id);
  e.text = "By the time you read this, I hope you rest more.";
  REQUIRE(model.save(id, e));
  const int32_t today = core::localDay(f.clock.nowMs);
  REQUIRE(model.seal(id, isoOf(today + 3)));
  e.text = "overwritten";
  REQUIRE(model.save(id, e));
  CHECK(model.find(id)->text == "By the time you read this, I hope you rest more.");

  // Search and next session never show sealed words.
  std::vector<core::SearchHit> hits;
  model.search({"rest"}, hits);
  CHECK(hits.empty());
  REQUIRE(model.setBringToSession(id, true));
  std::vector<core::SessionItem> items;
  model.collectNextSession(items);
  REQUIRE(items.size() == 1);
  CHECK(items[0].snippet == "Sealed until " + letters::formatDay(isoOf(today + 3)));   // "Sealed until Friday 28 November 2025"

  // Its day arrives: the words show again without anyone writing anything.
  f.clock.nowMs += 3 * core::kDayMs;
  CHECK(!LettersModel::sealedNow(*model.find(id), f.clock.nowMs));
  hits.clear();
  model.search({"rest"}, hits);
  CHECK(hits.size() == 1);
}

TEST_CASE("[letters] a day today or in the past is refused kindly and changes nothing") {
  Fixture f;
  LettersModel model(f.store);
  auto id = model.create("therapist").value();
  const auto before = f.store.generation();
  const int32_t today = core::localDay(f.clock.nowMs);
  auto past = model.seal(id, isoOf(today - 1));
  CHECK(past.code() == core::ErrorCode::Invalid);
  CHECK(past.message().find("already passed") != std::string::npos);
  auto now = model.seal(id, isoOf(today));
  CHECK(now.code() == core::ErrorCode::Invalid);
  CHECK(now.message().find("today") != std::string::npos);
  CHECK(model.seal(id, "next week").code() == core::ErrorCode::Invalid);
  CHECK(f.store.generation() == before);
  CHECK(model.find(id)->state == "draft");
}

#ifndef __EMSCRIPTEN__
TEST_CASE("[letters] sealing follows the local day in any time zone, across daylight saving") {
  SUBCASE("late evening in New York is already tomorrow in UTC") {
    TimeZone ny("EST5EDT,M3.2.0,M11.1.0");
    Fixture f;
    f.clock.nowMs = utcMs(2025, 11, 25, 4, 30);   // 23:30 on 24 Nov in New York
    LettersModel model(f.store);
    auto id = model.create("inner_child").value();
    REQUIRE(model.seal(id, "2025-11-25"));          // tomorrow, locally
    CHECK(LettersModel::sealedNow(*model.find(id), f.clock.nowMs));
    CHECK(LettersModel::sealedNow(*model.find(id), utcMs(2025, 11, 25, 4, 59)));   // 23:59 local
    CHECK(!LettersModel::sealedNow(*model.find(id), utcMs(2025, 11, 25, 5, 0)));   // midnight local
  }
  SUBCASE("Auckland is ahead: the same instant is already the 25th there") {
    TimeZone auckland("NZST-12NZDT,M9.5.0,M4.1.0/3");
    Fixture f;
    f.clock.nowMs = utcMs(2025, 11, 24, 12, 0);    // 01:00 on 25 Nov in Auckland (NZDT, +13)
    LettersModel model(f.store);
    auto id = model.create("other").value();
    CHECK(model.seal(id, "2025-11-25").code() == core::ErrorCode::Invalid);   // that is today there
    REQUIRE(model.seal(id, "2025-11-26"));
    CHECK(!LettersModel::sealedNow(*model.find(id), utcMs(2025, 11, 25, 11, 0)));   // 00:00 on the 26th
  }
  SUBCASE("a seal ending on the day clocks spring forward opens at that local midnight") {
    TimeZone ny("EST5EDT,M3.2.0,M11.1.0");
    Fixture f;
    f.clock.nowMs = utcMs(2026, 3, 1, 12);
    LettersModel model(f.store);
    auto id = model.create("therapist").value();
    REQUIRE(model.seal(id, "2026-03-08"));          // DST starts at 02:00 that day
    CHECK(LettersModel::sealedNow(*model.find(id), utcMs(2026, 3, 8, 4, 59)));    // 23:59 EST on the 7th
    CHECK(!LettersModel::sealedNow(*model.find(id), utcMs(2026, 3, 8, 5, 0)));    // 00:00 EST on the 8th
    CHECK(!LettersModel::sealedNow(*model.find(id), utcMs(2026, 3, 9, 3, 59)));   // 23:59 EDT on the 8th
  }
}
#endif

TEST_CASE("[letters] revisions: a snapshot every few minutes while writing, the newest 50 kept") {
  Fixture f;
  LettersModel model(f.store);
  auto id = model.create("therapist", "Anna").value();
  Letter e = *model.find(id);
  e.text = "First words.";
  REQUIRE(model.save(id, e));
  CHECK(model.revisions(id).size() == 1);   // the first words are kept at once
  // Autosaves within a few minutes rewrite only the letter.
  const auto files = f.store.list(letters::kRevisionType).size();
  for (int i = 0; i < 5; ++i) {
    f.clock.nowMs += 2000;
    e.text += " more";
    REQUIRE(model.save(id, e));
  }
  CHECK(f.store.list(letters::kRevisionType).size() == files);
  f.clock.nowMs += letters::kSnapshotEveryMs;
  e.text += " later";
  REQUIRE(model.save(id, e));
  CHECK(model.revisions(id).size() == 2);
  // An unchanged text takes no snapshot, however long the pause.
  f.clock.nowMs += letters::kSnapshotEveryMs * 2;
  REQUIRE(model.save(id, e));
  CHECK(model.revisions(id).size() == 2);

  for (int i = 0; i < 60; ++i) {
    f.clock.nowMs += letters::kSnapshotEveryMs;
    e.text += " and";
    REQUIRE(model.save(id, e));
  }
  const auto kept = model.revisions(id);
  CHECK(kept.size() == letters::kKeptRevisions);
  CHECK(f.store.list(letters::kRevisionType).size() == letters::kKeptRevisions);
  CHECK(f.store.trash().empty());   // pruned for good, not piled up in the trash
  // Newest first, and the newest holds the latest words.
  CHECK(model.revision(kept.front()).value().text == e.text);
  CHECK(model.revision(kept.front()).value().timeMs > model.revision(kept.back()).value().timeMs);
}

TEST_CASE("[letters] restoring an earlier version keeps the replaced words as a revision too") {
  Fixture f;
  LettersModel model(f.store);
  auto id = model.create("inner_child").value();
  Letter e = *model.find(id);
  e.text = "You were so brave.";
  REQUIRE(model.save(id, e));
  const std::string early = model.revisions(id).front();
  f.clock.nowMs += letters::kSnapshotEveryMs;
  e.text = "Something different entirely.";
  REQUIRE(model.save(id, e));
  REQUIRE(model.release(id));

  REQUIRE(model.restore(early));
  CHECK(model.find(id)->text == "You were so brave.");
  CHECK(model.find(id)->state == "draft");   // brought back to write in
  bool keptReplaced = false;
  for (const auto& r : model.revisions(id)) {
    auto rev = model.revision(r).value();
    if (rev.reason == "before restoring" && rev.text == "Something different entirely.") keptReplaced = true;
  }
  CHECK(keptReplaced);
  CHECK(model.restore("nope").code() == core::ErrorCode::NotFound);

  // It survives a reload of everything, as after a page reload.
  f.store.load();
  CHECK(model.find(id)->text == "You were so brave.");
  LettersModel fresh(f.store);
  CHECK(fresh.revisions(id).size() == model.revisions(id).size());
}

TEST_CASE("[letters] words rescued after a crash become the letter, the stored words kept as a revision") {
  Fixture f;
  LettersModel model(f.store);
  auto id = model.create("therapist", "", true).value();
  Letter e = *model.find(id);
  e.text = "I wanted to write to you.";
  REQUIRE(model.save(id, e));
  REQUIRE(model.seal(id, isoOf(core::localDay(f.clock.nowMs) + 7)));
  const std::string rescued = "I wanted to write to you. And then the page stopped, and I kept typing.";

  REQUIRE(model.recoverText(id, rescued));
  CHECK(model.find(id)->text == rescued);
  CHECK(model.find(id)->state == "draft");   // sealed words would hide what was just rescued
  bool before = false, after = false;
  for (const auto& r : model.revisions(id)) {
    auto rev = model.revision(r).value();
    before = before || (rev.reason == "before recovering" && rev.text == "I wanted to write to you.");
    after = after || (rev.reason == "recovered" && rev.text == rescued);
  }
  CHECK(before);
  CHECK(after);
  // The same words again change nothing (a second start with the same copy).
  const size_t revisions = model.revisions(id).size();
  REQUIRE(model.recoverText(id, rescued));
  CHECK(model.revisions(id).size() == revisions);
  CHECK(model.recoverText("nope", rescued).code() == core::ErrorCode::NotFound);
}

TEST_CASE("[letters] metrics: started, words written per day, sealed and released") {
  Fixture f;
  LettersModel model(f.store);
  auto id = model.create("parent").value();
  Letter e = *model.find(id);
  e.text = "one two three";
  REQUIRE(model.save(id, e));
  e.text = "one two three four five";
  REQUIRE(model.save(id, e));   // the same day: one entry, five words
  f.clock.nowMs += core::kDayMs;
  e.text = "one two three four five six seven";
  REQUIRE(model.save(id, e));   // the next day: two more
  REQUIRE(model.seal(id, isoOf(core::localDay(f.clock.nowMs) + 2)));
  REQUIRE(model.openEarly(id));
  REQUIRE(model.release(id));

  std::vector<core::MetricEvent> events;
  model.collectMetrics(events);
  std::vector<double> words;
  int started = 0, sealed = 0, released = 0;
  for (const auto& ev : events) {
    if (ev.kind == "letters.started") ++started;
    if (ev.kind == "letters.words") words.push_back(ev.values.at("words"));
    if (ev.kind == "letters.sealed") ++sealed;
    if (ev.kind == "letters.released") ++released;
  }
  CHECK(started == 1);
  CHECK(words == std::vector<double>{5, 2});
  CHECK(sealed == 1);
  CHECK(released == 1);
}

TEST_CASE("[letters] export, search and the next session, through the registry") {
  Fixture f;
  LettersModel model(f.store);
  journal::JournalModel journal(f.store);
  model.attach(f.registry);
  journal.attach(f.registry);

  auto id = model.create("therapist", "Anna", true).value();
  Letter e = *model.find(id);
  e.text = "I wanted to write to you tonight.";
  e.bringToSession = true;
  REQUIRE(model.save(id, e));
  journal::JournalEntry entry;
  entry.text = "Bring this up.";
  entry.bringToSession = true;
  auto entryId = journal.add(entry).value();

  auto files = f.registry.exportMarkdown();
  bool found = false;
  for (const auto& file : files) {
    if (file.path.rfind("letters/", 0) == 0) {
      found = true;
      CHECK(file.content.find("Dear Anna,\n\nI wanted to write to you tonight.") != std::string::npos);
    }
  }
  CHECK(found);
  CHECK(f.registry.search({"tonight"}).size() == 1);

  auto items = f.registry.nextSession();
  REQUIRE(items.size() == 2);
  // Ticked off after the session: both leave the list; undo brings each back.
  REQUIRE(f.registry.setDiscussed(letters::kLetterType, id, true));
  REQUIRE(f.registry.setDiscussed(journal::kEntryType, entryId, true));
  CHECK(f.registry.nextSession().empty());
  CHECK(!model.find(id)->bringToSession);
  CHECK(!journal.find(entryId)->bringToSession);
  REQUIRE(f.registry.setDiscussed(letters::kLetterType, id, false));
  CHECK(f.registry.nextSession().size() == 1);
  CHECK(f.registry.setDiscussed("texture.object", "x", true).code() == core::ErrorCode::NotFound);

  // A released letter is out of sight: not in search or the next session, still in the export.
  REQUIRE(model.release(id));
  CHECK(f.registry.search({"tonight"}).empty());
  CHECK(f.registry.nextSession().empty());
}

TEST_CASE("[letters] every recipient kind has its own gentle prompts, and none is required") {
  for (const auto& k : letters::recipientKinds()) {
    const auto& prompts = letters::promptsFor(k.value);
    CHECK(prompts.size() >= 3);
    for (const char* p : prompts) CHECK(std::string(p).size() > 10);
  }
  CHECK(letters::promptsFor("therapist") != letters::promptsFor("parent"));
  // A letter with no words at all is a perfectly good letter: it can be finished, sealed and let go.
  Fixture f;
  LettersModel model(f.store);
  auto id = model.create("future_self").value();
  CHECK(model.finish(id));
  CHECK(model.release(id));
}

TEST_CASE("[letters] a long letter late at night gets a check-in; a short one, or one in the day, does not") {
  CHECK(letters::longLetterLateAtNight(letters::kLongLetterWords, 23));
  CHECK(letters::longLetterLateAtNight(900, 2));
  CHECK(letters::longLetterLateAtNight(400, 4));
  CHECK_FALSE(letters::longLetterLateAtNight(400, 5));
  CHECK_FALSE(letters::longLetterLateAtNight(400, 14));
  CHECK_FALSE(letters::longLetterLateAtNight(letters::kLongLetterWords - 1, 1));
}

TEST_CASE("[letters] a letter left with nothing in it leaves no record; a word, a name or a revision keeps it") {
  Fixture f;
  LettersModel m(f.store);
  auto blank = m.create("therapist", "", true);
  REQUIRE(blank.isOk());
  CHECK(m.forgetIfBlank(blank.value()));
  CHECK(m.find(blank.value()) == nullptr);
  CHECK(f.store.trash().empty());

  auto named = m.create("other", "Grandma");
  REQUIRE(named.isOk());
  CHECK_FALSE(m.forgetIfBlank(named.value()));

  auto written = m.create("child");
  REQUIRE(written.isOk());
  Letter l = *m.find(written.value());
  l.text = "Dear little one";
  REQUIRE(m.save(written.value(), l).isOk());
  CHECK_FALSE(m.forgetIfBlank(written.value()));
  // Emptied again, but its earlier words live on in a revision: kept.
  REQUIRE(m.finish(written.value()).isOk());
  l = *m.find(written.value());
  l.text.clear();
  REQUIRE(m.save(written.value(), l).isOk());
  CHECK_FALSE(m.forgetIfBlank(written.value()));
  CHECK(m.find(written.value()) != nullptr);
}

TEST_CASE("[letters] the therapist's name written before is remembered, and a letter that only starts with it is blank") {
  Fixture f;
  LettersModel m(f.store);
  CHECK(m.lastNameFor("therapist").empty());
  auto first = m.create("therapist").value();
  Letter l = *m.find(first);
  l.recipientName = "Maren";
  l.text = "I wanted to email you tonight.";
  REQUIRE(m.save(first, l));
  auto parent = m.create("parent", "Mum").value();
  CHECK(m.lastNameFor("therapist") == "Maren");
  CHECK(m.lastNameFor("parent") == "Mum");
  CHECK(m.lastNameFor("therapist", first).empty());   // not from the letter itself
  CHECK(m.lastNameFor("future_self").empty());

  // Started with her name and left empty: nothing was written in it, so it leaves no record.
  auto again = m.create("therapist", m.lastNameFor("therapist"), true).value();
  CHECK(m.find(again)->recipientName == "Maren");
  CHECK(m.forgetIfBlank(again));
  CHECK(m.find(again) == nullptr);

  // A name changed in the new letter is the person's own word: kept.
  f.clock.nowMs += 60 * 1000;   // written later than the first (the order is by when each was written)
  auto renamed = m.create("therapist", m.lastNameFor("therapist")).value();
  Letter r = *m.find(renamed);
  r.recipientName = "Dr. Lee";
  REQUIRE(m.save(renamed, r));
  CHECK_FALSE(m.forgetIfBlank(renamed));
  CHECK(m.lastNameFor("therapist") == "Dr. Lee");   // the most recently written
  CHECK_FALSE(m.forgetIfBlank(parent));              // "Mum" is only in that letter: written there
}

TEST_CASE("[letters] a noted letter shows no words in search hits or on the next-session list") {
  Fixture f;
  LettersModel model(f.store);
  auto id = model.create("parent").value();
  Letter e = *model.find(id);
  e.recipientName = "Name of them";
  e.text = "the words behind the note";
  e.contentNote = "about home";
  e.bringToSession = true;
  REQUIRE(model.save(id, e));
  std::vector<core::SearchHit> hits;
  model.search({"behind"}, hits);
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].title == "Content note: about home");
  CHECK(hits[0].snippet.empty());
  std::vector<core::SessionItem> items;
  model.collectNextSession(items);
  REQUIRE(items.size() == 1);
  CHECK(items[0].title.find("Name of them") == std::string::npos);
  CHECK(items[0].snippet.empty());
}

TEST_CASE("[letters] an autosave writes the body in its one canonical form, the one a load check reads back as it is") {
  Fixture f;
  letters::LettersModel model(f.store);
  auto id = model.create("therapist", "Anna");
  REQUIRE(id.isOk());
  letters::Letter edited = *model.find(id.value());
  edited.text = "Words that waited a long time.\n\"Quoted\", tabbed\there, and accents: été.";
  edited.tags = {"grief", "anger"};
  edited.contentNote = "about the hospital";
  edited.bringToSession = true;
  REQUIRE(model.save(id.value(), edited));
  const core::StoredRecord* r = f.store.find(letters::kLetterType, id.value());
  REQUIRE(r != nullptr);
  // The model's own body is trusted (RecordStore::putOwn): it must already be what normalizing makes it.
  const core::RecordType* type = f.registry.recordType(letters::kLetterType);
  REQUIRE(type != nullptr);
  auto normal = type->normalize(r->body, r->schema);
  REQUIRE(normal.isOk());
  CHECK(normal.value() == r->body);
  CHECK(type->check(r->body, r->schema));
  for (const auto& rid : model.revisions(id.value())) {
    const core::StoredRecord* rev = f.store.find(letters::kRevisionType, rid);
    REQUIRE(rev != nullptr);
    CHECK(f.registry.recordType(letters::kRevisionType)->normalize(rev->body, rev->schema).value() == rev->body);
  }
  // And a fresh store loads it without a problem.
  core::RecordStore again(f.dir.path(), f.registry, std::ref(f.clock));
  CHECK(again.load().problems.empty());
  CHECK(again.find(letters::kLetterType, id.value())->body == r->body);
}

TEST_CASE("[letters] a long letter's body is written as saveBody writes it, whatever bytes its text holds") {
  // core::saveBodyWithLongText puts the long text's JSON where a marker was: the same bytes as saveBody's.
  std::string every;
  for (int b = 0; b < 256; ++b) every.push_back(char(b));
  const std::string tricky = "\"quoted\" back\\slash /slash \t\r\n\b\f \x7f été 🌱 \xe2\x80\xa8 \xff\xfe broken \xc3 end";
  for (const std::string& piece : {every, tricky, std::string("plain words, "), std::string(1, '\0')}) {
    letters::Letter l;
    l.recipientName = "Anna \"A\"";
    l.contentNote = "about \\ the hospital";
    l.tags = {"grief"};
    l.dayWords = {{1764000000000, 12}};
    while (l.text.size() < 20000) l.text += piece;
    CHECK(core::saveBodyWithLongText(l, &letters::Letter::text) == core::saveBody(l));
    letters::Revision rev;
    rev.letterId = "abc";
    rev.text = l.text;
    rev.recipientName = l.recipientName;
    CHECK(core::saveBodyWithLongText(rev, &letters::Revision::text) == core::saveBody(rev));
  }
  // A text holding the marker itself, or other fields holding it, still comes out the same.
  letters::Letter marked;
  marked.text = std::string(5000, 'a') + "\x01toward:long-text\x01";
  marked.recipientName = "\x01toward:long-text\x01";
  CHECK(core::saveBodyWithLongText(marked, &letters::Letter::text) == core::saveBody(marked));
  marked.text = std::string(100, 'b');   // short: saveBody itself
  CHECK(core::saveBodyWithLongText(marked, &letters::Letter::text) == core::saveBody(marked));
}

TEST_CASE("[letters] a letter larger than a record may be is refused, and the stored words stay as they were") {
  // Before: saveBody turned a body past the limit into "{}", so the save stored an empty letter ("Saved").
  Fixture f;
  LettersModel model(f.store);
  auto id = model.create("therapist", "", true).value();
  Letter e = *model.find(id);
  e.text = "The words I kept.";
  REQUIRE(model.save(id, e));
  e.text = std::string(core::kMaxRecordBytes + 1000, 'a');
  CHECK_FALSE(model.save(id, e));
  CHECK(model.find(id)->text == "The words I kept.");
  CHECK_FALSE(model.recoverText(id, e.text));   // the same refusal for words rescued after a crash
  CHECK(model.find(id)->text == "The words I kept.");
  f.store.load();
  CHECK(f.store.problems().empty());
  CHECK(LettersModel(f.store).find(id)->text == "The words I kept.");
}

TEST_CASE("[store] a record whose file would be past the limit is refused, never written unreadable") {
  // The body alone fits, its file does not: written, the next start would have kept it aside as damaged.
  Fixture f;
  const std::string head = R"({"kind":"free","text":")";
  auto kept = f.store.putOwn("journal.entry", "", head + "kept" + "\"}");
  REQUIRE(kept);
  const std::string body = head + std::string(core::kMaxRecordBytes - head.size() - 2 - 20, 'b') + "\"}";
  REQUIRE(body.size() <= core::kMaxRecordBytes);
  auto refused = f.store.putOwn("journal.entry", kept.value().id, body);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().message().find("more than Toward can keep in one record") != std::string::npos);
  f.store.load();
  CHECK(f.store.problems().empty());
  REQUIRE(f.store.find("journal.entry", kept.value().id));
  CHECK(f.store.find("journal.entry", kept.value().id)->body == head + "kept\"}");
}
