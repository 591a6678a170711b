// plugins/journal/feelings_vocabulary.cpp: see feelings_vocabulary.h. The meanings are written to be
// read in a hard moment: short, plain, and without judging any feeling as good or bad.
#include "plugins/journal/feelings_vocabulary.h"

#include "core/text_fold.h"

namespace toward::journal {

const std::vector<FeelingFamily>& feelingFamilies() {
  static const std::vector<FeelingFamily> families = {
      {"sad", "Sad",
       {{"sad", "a heaviness, as if something matters and is missing"},
        {"sorrowful", "a deep, quiet sadness"},
        {"grieving", "missing someone or something that is gone"},
        {"heartbroken", "as if the heart cracked when a hope ended"},
        {"disappointed", "it did not turn out the way I hoped"},
        {"discouraged", "losing heart about trying again"},
        {"hopeless", "it feels as if nothing will change"},
        {"gloomy", "a grey mood over everything"},
        {"tearful", "close to crying"},
        {"melancholy", "a soft, lingering sadness"},
        {"forlorn", "sad and left alone, with no one coming"},
        {"weary", "tired deep down, in more than the body"}}},
      {"afraid", "Afraid",
       {{"afraid", "sensing danger, wanting to get safe"},
        {"anxious", "worried about what might happen"},
        {"scared", "frightened right now"},
        {"panicky", "fear rising fast, hard to think"},
        {"nervous", "jittery before something"},
        {"worried", "thoughts circling around what could go wrong"},
        {"dread", "fear of something that seems sure to come"},
        {"insecure", "unsure whether I am wanted or good enough"},
        {"vulnerable", "open, and easy to hurt"},
        {"uneasy", "a vague sense that something is wrong"},
        {"terrified", "very great fear"},
        {"on edge", "tense, waiting for the next thing"}}},
      {"angry", "Angry",
       {{"angry", "something felt wrong or unfair, and I want it to stop"},
        {"irritated", "small things are getting under my skin"},
        {"frustrated", "blocked from something I want or need"},
        {"resentful", "still angry about something that was done to me"},
        {"furious", "anger that fills everything"},
        {"bitter", "anger and hurt that have gone sour over time"},
        {"jealous", "afraid someone else will get what I long for"},
        {"envious", "wanting what someone else has"},
        {"indignant", "angry at being treated unfairly"},
        {"annoyed", "mildly bothered"},
        {"betrayed", "someone I trusted let me down"}}},
      {"ashamed", "Ashamed",
       {{"ashamed", "feeling that something is wrong with me"},
        {"embarrassed", "exposed in front of others"},
        {"humiliated", "made to feel small in front of others"},
        {"guilty", "feeling I did something wrong"},
        {"exposed", "seen when I wanted to hide"},
        {"foolish", "feeling silly for wanting or saying something"},
        {"unworthy", "as if I do not deserve care"},
        {"self-conscious", "watching myself through others' eyes"},
        {"regretful", "wishing I had done something differently"},
        {"mortified", "deeply embarrassed"},
        {"too much", "afraid my needs or feelings are more than others can bear"}}},
      {"lonely", "Lonely",
       {{"lonely", "wanting closeness that is not here"},
        {"left out", "others are together and I am not with them"},
        {"abandoned", "as if I have been left behind"},
        {"isolated", "cut off from others"},
        {"invisible", "as if no one sees me"},
        {"unwanted", "as if no one chooses me"},
        {"forgotten", "as if I slipped out of others' minds"},
        {"disconnected", "far from others, even when they are near"},
        {"homesick", "missing a place or people that felt like home"},
        {"alone", "by myself, and feeling it"}}},
      {"longing", "Longing",
       {{"longing", "a strong wish to be close to someone"},
        {"yearning", "a deep, aching wish for something"},
        {"pining", "longing for someone who is not here"},
        {"wanting to be held", "wishing someone would hold me"},
        {"wanting to be seen", "wishing someone would really notice me"},
        {"wanting to be chosen", "wishing to matter most to someone"},
        {"missing", "feeling the gap where someone usually is"},
        {"nostalgic", "longing for how things once were"},
        {"hungry for contact", "a pull toward connection, any connection"},
        {"attached", "bound to someone, and afraid to lose them"},
        {"wistful", "a gentle, sad wish for something out of reach"}}},
      {"hurt", "Hurt",
       {{"hurt", "something someone did or said landed painfully"},
        {"wounded", "a deep hurt, maybe an old one touched again"},
        {"rejected", "pushed away or not wanted"},
        {"dismissed", "my feelings were brushed aside"},
        {"misunderstood", "others did not get what I meant or felt"},
        {"let down", "someone did not come through"},
        {"criticized", "judged for what I did or who I am"},
        {"stung", "a sharp, sudden hurt"},
        {"neglected", "my needs were not looked after"},
        {"raw", "so tender that anything could hurt"},
        {"crushed", "overwhelmed by a hurt"}}},
      {"numb", "Numb",
       {{"numb", "feelings seem switched off"},
        {"empty", "a hollow, nothing-inside feeling"},
        {"blank", "my mind goes white"},
        {"flat", "nothing seems to matter much"},
        {"detached", "watching life from a distance"},
        {"frozen", "stuck, unable to move or choose"},
        {"shut down", "closed up to get through something"},
        {"foggy", "hard to think or feel clearly"},
        {"unreal", "things or I myself seem not quite real"},
        {"bored", "restless, nothing holds my interest"},
        {"exhausted", "so tired that feelings fade"}}},
      {"unsettled", "Unsettled",
       {{"confused", "not sure what I feel or think"},
        {"overwhelmed", "too much at once"},
        {"restless", "unable to settle"},
        {"torn", "pulled two ways at once"},
        {"stuck", "unable to move forward"},
        {"helpless", "as if nothing I do will help"},
        {"powerless", "unable to change what is happening"},
        {"ambivalent", "wanting and not wanting at the same time"},
        {"agitated", "stirred up inside"},
        {"tense", "tight, braced"}}},
      {"glad", "Glad",
       {{"glad", "something good happened"},
        {"happy", "a light, good feeling"},
        {"joyful", "happiness that wants to spill over"},
        {"relieved", "a weight lifted"},
        {"hopeful", "sensing that things could get better"},
        {"proud", "pleased with something I did or who I am"},
        {"grateful", "thankful for something or someone"},
        {"excited", "eager about what is coming"},
        {"playful", "light-hearted and ready for fun"},
        {"amused", "something struck me as funny"},
        {"delighted", "very pleased"},
        {"confident", "trusting myself"}}},
      {"calm", "Calm",
       {{"calm", "quiet and steady inside"},
        {"peaceful", "at rest, nothing pulling at me"},
        {"safe", "no danger here, I can let my guard down"},
        {"relaxed", "the body has let go"},
        {"grounded", "my feet are on the floor, I am here"},
        {"content", "enough, just as it is"},
        {"settled", "things have found their place"},
        {"at ease", "comfortable with myself"},
        {"present", "here, in this moment"},
        {"soothed", "comforted after something hard"},
        {"steady", "able to hold what comes"}}},
      {"loving", "Loving",
       {{"loving", "warm care for someone"},
        {"tender", "soft and gentle toward someone, or myself"},
        {"close", "connected to someone"},
        {"held", "feeling someone's care around me"},
        {"seen", "someone really noticed me"},
        {"cared for", "someone looked after me"},
        {"compassionate", "kind toward suffering, mine or another's"},
        {"trusting", "able to rely on someone"},
        {"affectionate", "wanting to show warmth"},
        {"warm", "a kind glow toward others"},
        {"accepted", "welcome just as I am"},
        {"moved", "touched deeply by something"}}},
  };
  return families;
}

size_t feelingWordCount() {
  size_t n = 0;
  for (const auto& f : feelingFamilies()) n += f.words.size();
  return n;
}

namespace {
const FeelingWord* findWithFamily(std::string_view word, const FeelingFamily** family) {
  const std::string folded = core::foldForSearch(word);
  for (const auto& f : feelingFamilies()) {
    for (const auto& w : f.words) {
      if (folded == w.word) {
        if (family) *family = &f;
        return &w;
      }
    }
  }
  return nullptr;
}
}  // namespace

const FeelingWord* findFeeling(std::string_view word) { return findWithFamily(word, nullptr); }

std::string feelingFamilyOf(std::string_view word) {
  const FeelingFamily* family = nullptr;
  return findWithFamily(word, &family) ? family->id : "";
}

const std::vector<Choice>& bodyAreas() {
  static const std::vector<Choice> areas = {
      {"head", "Head", ""},           {"face", "Face", ""},           {"eyes", "Eyes", ""},
      {"jaw", "Jaw", ""},             {"throat", "Throat", ""},       {"neck", "Neck", ""},
      {"shoulders", "Shoulders", ""}, {"chest", "Chest", ""},         {"heart", "Heart", ""},
      {"stomach", "Stomach", ""},     {"belly", "Belly", ""},         {"back", "Back", ""},
      {"arms", "Arms", ""},           {"hands", "Hands", ""},         {"legs", "Legs", ""},
      {"feet", "Feet", ""},           {"skin", "Skin", ""},           {"whole body", "Whole body", ""},
  };
  return areas;
}

const std::vector<Choice>& builtInUrges() {
  static const std::vector<Choice> urges = {
      {"obsessing", "Going over it again and again", ""},
      {"picking a fight", "Picking a fight", ""},
      {"writing to the therapist", "Writing to my therapist", ""},
      {"checking my phone", "Checking my phone", ""},
      {"self-harm urge", "An urge to hurt myself", "If you are not safe right now, please reach out to someone."},
      {"eating", "Eating to push it down", ""},
      {"drinking", "Drinking to push it away", ""},
      {"scrolling", "Scrolling", ""},
      {"withdrawing", "Withdrawing from everyone", ""},
      {"sleeping", "Sleeping it away", ""},
      {"keeping busy", "Keeping busy", ""},
      {"shopping", "Shopping", ""},
      {"pleasing others", "Pleasing someone", ""},
      {"criticizing myself", "Criticizing myself", ""},
  };
  return urges;
}

const std::vector<Choice>& directions() {
  static const std::vector<Choice> d = {
      {"toward", "Toward it", "I named it, felt it, stayed a while"},
      {"away", "Away from it", "I moved away, and that tells me something"},
      {"both", "Some of both", "a bit toward, a bit away"},
      {"unsure", "Not sure", "that is an answer too"},
  };
  return d;
}

const std::vector<Choice>& compassionSources() {
  static const std::vector<Choice> c = {
      {"myself", "From myself", ""},
      {"therapist", "From my therapist", ""},
      {"someone", "From someone else", ""},
      {"notyet", "Not yet", ""},
  };
  return c;
}

const std::vector<Choice>& entryKinds() {
  static const std::vector<Choice> k = {
      {"free", "Free writing", "whatever is here"},
      {"fork", "A fork in the road", "a feeling arrived, and which way I went"},
      {"session", "Session notes", "what came up in therapy"},
      {"words", "Words to keep", "kind words to read again"},
  };
  return k;
}

std::string labelOf(const std::vector<Choice>& choices, std::string_view value) {
  for (const auto& c : choices) {
    if (value == c.value) return c.label;
  }
  return std::string(value);
}

}  // namespace toward::journal
