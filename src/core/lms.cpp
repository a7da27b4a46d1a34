// The LMS report and suspend_data codec. Formats: lms.h.
#include "core/lms.h"
#include "core/strings.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>

namespace wb {

namespace {

constexpr const char* kB64 = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_";
constexpr double kEps = 1e-9;
constexpr size_t kWholeHistory = 3;  // up to this many attempts are kept whole

// 4 base-36 digits over everything before the last '|': a cut or changed text is refused.
std::string Checksum(std::string_view body) {
    std::string s;
    uint64_t v = Fnv1a64(body) % 1679616ull;  // 36^4
    for (int i = 0; i < 4; ++i) {
        s.insert(s.begin(), kB64[v % 36]);
        v /= 36;
    }
    return s;
}

char B64(int v) { return v >= 0 && v < 64 ? kB64[v] : '?'; }
int FromB64(char ch) {
    if (ch >= '0' && ch <= '9') return ch - '0';
    if (ch >= 'a' && ch <= 'z') return 10 + (ch - 'a');
    if (ch >= 'A' && ch <= 'Z') return 36 + (ch - 'A');
    if (ch == '-') return 62;
    if (ch == '_') return 63;
    return -1;
}

std::string Base36(uint64_t v) {
    if (v == 0) return "0";
    std::string s;
    while (v) {
        s.push_back(kB64[v % 36]);
        v /= 36;
    }
    std::reverse(s.begin(), s.end());
    return s;
}
bool FromBase36(std::string_view s, uint64_t& out) {
    if (s.empty() || s.size() > 13) return false;
    unsigned __int128 v = 0;
    for (char ch : s) {
        int d = FromB64(ch);
        if (d < 0 || d >= 36) return false;
        v = v * 36 + unsigned(d);
    }
    if (v > UINT64_MAX) return false;
    out = uint64_t(v);
    return true;
}

bool NeedsEscape(char ch) { return ch == '\\' || ch == '|' || ch == '~' || ch == '\n' || ch == '\r'; }

void AppendEscaped(std::string& out, std::string_view text) {
    for (char ch : text) {
        if (!NeedsEscape(ch)) {
            out.push_back(ch);
            continue;
        }
        out.push_back('\\');
        out.push_back(ch == '\n' ? 'n' : ch == '\r' ? 'r' : ch);
    }
}

bool Unescape(std::string_view in, std::string& out) {
    out.clear();
    for (size_t i = 0; i < in.size(); ++i) {
        if (in[i] != '\\') {
            out.push_back(in[i]);
            continue;
        }
        if (++i == in.size()) return false;
        char ch = in[i];
        if (ch == 'n') out.push_back('\n');
        else if (ch == 'r') out.push_back('\r');
        else if (ch == '\\' || ch == '|' || ch == '~') out.push_back(ch);
        else return false;
    }
    return true;
}

// Splits at sep, skipping escaped characters.
std::vector<std::string_view> Split(std::string_view s, char sep) {
    std::vector<std::string_view> parts;
    size_t start = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\') {
            ++i;
            continue;
        }
        if (s[i] == sep) {
            parts.push_back(s.substr(start, i - start));
            start = i + 1;
        }
    }
    parts.push_back(s.substr(start));
    return parts;
}

// Length in bytes of the UTF-8 sequence starting with lead (1 for a stray byte).
size_t SeqLen(unsigned char lead) {
    return lead < 0x80 ? 1 : (lead >> 5) == 6 ? 2 : (lead >> 4) == 14 ? 3 : (lead >> 3) == 30 ? 4 : 1;
}

int Denominator(const Quiz& quiz, const Question& q) {
    if (quiz.scoring != ScoringRule::Partial) return 1;
    if (q.kind == QuestionKind::Ordering) return std::max<int>(1, int(q.options.size()));
    if (q.kind == QuestionKind::Multiple) {
        int n = 0;
        for (const Option& o : q.options) n += o.correct;
        return std::max(1, n);
    }
    return 1;
}

// A current answer (not stale, not empty), or nullptr.
const Response* CurrentAnswer(const Question& q, const QuizProgress* p) {
    if (!p) return nullptr;
    auto it = p->answers.find(q.id);
    if (it == p->answers.end() || IsStale(q, it->second)) return nullptr;
    const Response& r = it->second;
    if (q.kind == QuestionKind::SelfRating) return r.rating >= kRatingMin && r.rating <= kRatingMax ? &r : nullptr;
    return r.chosen.empty() ? nullptr : &r;
}

std::string EncodeAttempt(const Quiz& quiz, const Attempt& a) {
    std::string s = Base36(uint64_t(std::max<int64_t>(0, a.time)));
    s += '.';
    s += a.passed ? '1' : '0';
    s += '.';
    for (const Question& q : quiz.questions) {
        if (!q.Graded()) continue;
        const QuestionResult* r = nullptr;
        for (const QuestionResult& x : a.results)
            if (x.question == q.id) r = &x;
        int den = Denominator(quiz, q);
        long num = r ? std::clamp(std::lround(r->score * den), 0L, long(den)) : 0;
        s += B64(int(num) * 4 + (r && r->answered ? 2 : 0) + (r && r->stale ? 1 : 0));
    }
    return s;
}

bool DecodeAttempt(const Quiz& quiz, std::string_view text, Attempt& a) {
    auto f = Split(text, '.');
    uint64_t t;
    if (f.size() != 3 || !FromBase36(f[0], t) || (f[1] != "0" && f[1] != "1")) return false;
    a = Attempt{};
    a.time = int64_t(t);
    a.passed = f[1] == "1";
    size_t i = 0;
    double sum = 0;
    int graded = 0;
    for (const Question& q : quiz.questions) {
        if (!q.Graded()) continue;
        if (i >= f[2].size()) return false;
        int v = FromB64(f[2][i++]);
        int den = Denominator(quiz, q);
        if (v < 0 || v / 4 > den) return false;
        QuestionResult r;
        r.question = q.id;
        r.score = den == 1 ? (v / 4 ? 1.0 : 0.0) : double(v / 4) / den;
        r.correct = r.score >= 1.0 - kEps;
        r.answered = (v & 2) != 0;
        r.stale = (v & 1) != 0;
        sum += r.score;
        ++graded;
        a.results.push_back(std::move(r));
    }
    if (i != f[2].size()) return false;
    a.score = graded > 0 ? sum / graded : 0;
    return true;
}

// Cumulative escaped UTF-16 cost of each code point of text: cost[k] = cost of the first k code points;
// ends[k] = byte offset after them.
struct Costs {
    std::vector<size_t> cost{0}, ends{0};
};
Costs CostsOf(std::string_view text) {
    Costs c;
    for (size_t i = 0; i < text.size();) {
        size_t n = std::min(SeqLen(static_cast<unsigned char>(text[i])), text.size() - i);
        size_t units = n == 4 ? 2 : (n == 1 && NeedsEscape(text[i])) ? 2 : 1;
        i += n;
        c.cost.push_back(c.cost.back() + units);
        c.ends.push_back(i);
    }
    return c;
}

struct Refl {
    int section, prompt;
    std::string text;
    Costs costs;
    size_t floor = 0;  // what the LMS's copy held of it (escaped UTF-16 units): never cut below
};

}  // namespace

size_t Utf16Length(std::string_view s) {
    size_t n = 0;
    for (size_t i = 0; i < s.size();) {
        size_t len = std::min(SeqLen(static_cast<unsigned char>(s[i])), s.size() - i);
        n += len == 4 ? 2 : 1;
        i += len;
    }
    return n;
}

std::string ContentFingerprint(const Content& c) {
    std::string canon;
    for (const Section& s : c.sections) {
        canon += s.id + '\x1f';
        for (const ReflectionPrompt& r : s.reflections) canon += r.id + '\x1f';
        canon += '\x1e';
    }
    for (const Quiz& quiz : c.quizzes) {
        canon += quiz.id + '\x1f' + quiz.section + '\x1f' + std::to_string(int(quiz.scoring)) + '\x1f';
        for (const Question& q : quiz.questions)
            canon += q.id + '\x1f' + q.hash + '\x1f' + std::to_string(q.options.size()) + '\x1f';
        canon += '\x1e';
    }
    std::string s = Base36(Fnv1a64(canon) % 2176782336ull);  // 36^6
    return std::string(6 - s.size(), '0') + s;
}

std::string EncodeSuspendData(const Content& c, const LearnerState& s, const std::vector<std::string>& order,
                              int64_t now_ms, size_t budget, const LearnerState* held) {
    std::string head = "w1|" + ContentFingerprint(c) + "|" + Base36(uint64_t(std::max<int64_t>(0, now_ms))) + "|" +
                       Base36(s.shuffle_seed) + "|";
    int cur = c.FindSection(s.reader.current);
    if (cur >= 0) head += Base36(uint64_t(cur));
    head += '|';
    for (size_t i = 0; i < c.sections.size(); i += 6) {
        int bits = 0;
        for (size_t j = i; j < i + 6 && j < c.sections.size(); ++j)
            if (s.reader.read.count(c.sections[j].id)) bits |= 1 << (j - i);
        head += B64(bits);
    }
    head += '|';
    bool first = true;
    for (size_t i = 0; i < c.sections.size(); ++i) {
        auto it = s.reader.scroll.find(c.sections[i].id);
        if (it == s.reader.scroll.end() || !(it->second >= 0.5f) || it->second > 1e9f) continue;
        if (!first) head += '~';
        first = false;
        head += Base36(i) + ":" + Base36(uint64_t(std::lround(it->second)));
    }
    head += '|';

    std::string tail = "|";
    first = true;
    for (size_t qi = 0; qi < c.quizzes.size() && qi < 64; ++qi) {
        const Quiz& quiz = c.quizzes[qi];
        auto pit = s.quizzes.find(quiz.id);
        if (pit == s.quizzes.end()) continue;
        const QuizProgress& p = pit->second;
        std::string rec;
        rec += B64(int(qi));
        rec += B64((p.mastered ? 1 : 0) | (p.submitted ? 2 : 0));
        rec += ',';
        bool first_answer = true;
        for (size_t k = 0; k < quiz.questions.size() && k < 64; ++k) {
            const Question& q = quiz.questions[k];
            const Response* r = CurrentAnswer(q, &p);
            if (!r) continue;
            std::string payload;
            if (q.kind == QuestionKind::SelfRating) {
                payload = char('0' + r->rating);
            } else if (q.kind == QuestionKind::Ordering) {
                for (const std::string& id : r->chosen) payload += B64(q.FindOption(id));
                if (r->chosen.size() != q.options.size() || payload.find('?') != std::string::npos) continue;
            } else {
                std::vector<int> bits((q.options.size() + 5) / 6, 0);
                for (const std::string& id : r->chosen) {
                    int o = q.FindOption(id);
                    if (o >= 0) bits[o / 6] |= 1 << (o % 6);
                }
                for (int b : bits) payload += B64(b);
            }
            if (!first_answer) rec += ':';
            first_answer = false;
            rec += B64(int(k));
            if (r->checked) rec += '!';
            rec += payload;
        }
        rec += ',';
        rec += Base36(p.attempts.size());
        if (p.attempts.size() <= kWholeHistory) {
            for (const Attempt& a : p.attempts) rec += '/' + EncodeAttempt(quiz, a);
        } else {
            size_t best = 0;
            for (size_t i = 1; i < p.attempts.size(); ++i)
                if (p.attempts[i].score > p.attempts[best].score) best = i;
            rec += '/' + EncodeAttempt(quiz, p.attempts[best]) + '/';
            rec += best == p.attempts.size() - 1 ? "=" : EncodeAttempt(quiz, p.attempts.back());
        }
        if (!first) tail += '~';
        first = false;
        tail += rec;
    }
    tail += '|';
    for (const std::string& qid : order) {
        for (size_t qi = 0; qi < c.quizzes.size() && qi < 64; ++qi) {
            const Quiz& quiz = c.quizzes[qi];
            for (size_t k = 0; k < quiz.questions.size() && k < 64; ++k)
                if (quiz.questions[k].id == qid) {
                    tail += B64(int(qi));
                    tail += B64(int(k));
                }
        }
    }

    // Reflections: as many whole as fit; the rest cut, longest first, to a common cap.
    std::vector<Refl> refl;
    for (size_t si = 0; si < c.sections.size() && si < 64; ++si)
        for (size_t pi = 0; pi < c.sections[si].reflections.size() && pi < 64; ++pi) {
            auto it = s.reflections.find(c.sections[si].reflections[pi].id);
            if (it == s.reflections.end() || it->second.empty()) continue;
            size_t floor = 0;
            if (held) {
                auto h = held->reflections.find(it->first);
                if (h != held->reflections.end() && !h->second.empty()) floor = CostsOf(h->second).cost.back() + 1;  // and its '*'
            }
            refl.push_back({int(si), int(pi), it->second, CostsOf(it->second), floor});
        }
    const size_t marker = Utf16Length(kCutMarker) + 1;  // and the '*'
    size_t fixed = Utf16Length(head) + Utf16Length(tail) + 5;  // and '|' SUM
    for (size_t i = 0; i < refl.size(); ++i) fixed += 2 + (i ? 1 : 0);
    // The cut policy when everything does not fit: what the LMS already holds is kept over new text.
    // Each reflection keeps at least as much as the LMS's copy held for it (its floor: the whole held
    // text, or the held cut prefix), so a write never leaves the LMS with less of an answer than it
    // had; the common cap, found below, cuts only what goes beyond those floors (new reflections and
    // the longer parts of edited ones). The learner's whole text always stays on the device. Only when
    // the floors themselves cannot fit (the rest of the record grew) do they give way, as little as
    // possible: the longest held ones are cut to a common cap of their own.
    size_t floor_cap = SIZE_MAX;
    // The cost of record i under cap: whole if it fits, else a prefix plus the marker, never above cap.
    auto cut_to = [&](const Refl& r, size_t cap) -> size_t {  // code points kept; npos = whole
        cap = std::max(cap, std::min(r.floor, floor_cap));
        if (r.costs.cost.back() <= cap) return std::string::npos;
        size_t room = cap > marker ? cap - marker : 0;
        return size_t(std::upper_bound(r.costs.cost.begin(), r.costs.cost.end(), room) - r.costs.cost.begin()) - 1;
    };
    auto total = [&](size_t cap) {
        size_t t = fixed;
        for (const Refl& r : refl) {
            size_t k = cut_to(r, cap);
            t += k == std::string::npos ? r.costs.cost.back() : r.costs.cost[k] + marker;
        }
        return t;
    };
    size_t hi = 0;
    for (const Refl& r : refl) hi = std::max(hi, r.costs.cost.back());
    size_t cap = hi;
    if (total(0) > budget) {
        size_t lo = 0, up = hi;  // the largest floor cap that fits with nothing else kept
        while (lo < up) {
            size_t mid = lo + (up - lo + 1) / 2;
            floor_cap = mid;
            if (total(0) <= budget) lo = mid;
            else up = mid - 1;
        }
        floor_cap = lo;
    }
    if (total(hi) > budget) {
        size_t lo = 0;  // largest cap that fits (0 if none does)
        while (lo < hi) {
            size_t mid = lo + (hi - lo + 1) / 2;
            if (total(mid) <= budget) lo = mid;
            else hi = mid - 1;
        }
        cap = lo;
    }
    std::string out = head;
    for (size_t i = 0; i < refl.size(); ++i) {
        const Refl& r = refl[i];
        if (i) out += '~';
        out += B64(r.section);
        out += B64(r.prompt);
        size_t k = cut_to(r, cap);
        if (k == std::string::npos) {
            AppendEscaped(out, r.text);
        } else {
            out += '*';
            AppendEscaped(out, std::string_view(r.text).substr(0, r.costs.ends[k]));
            out += kCutMarker;
        }
    }
    out += tail;
    out += '|' + Checksum(out);
    return out;
}

SuspendRead DecodeSuspendData(const Content& c, std::string_view text) {
    SuspendRead r;
    auto fail = [&](std::string why) {
        r = SuspendRead{};
        r.problem = std::move(why);
        return r;
    };
    if (text.empty()) return fail(Tr("lms_record.nothing_is_stored"));
    if (text.substr(0, 3) != "w1|") {
        if (text.size() >= 2 && text[0] == 'w' && text[1] >= '2' && text[1] <= '9')
            return fail(Tr("lms_record.it_was_saved_by_a"));
        return fail(Tr("lms_record.it_is_not_in_the"));
    }
    auto f = Split(text, '|');
    if (f.size() != 11) return fail(Tr("lms_record.it_has") + std::to_string(f.size()) + Tr("lms_record.fields_instead_of_11"));
    if (f[10] != Checksum(text.substr(0, text.size() - f[10].size() - 1)))
        return fail(Tr("lms_record.it_is_incomplete_or_damaged"));
    if (f[1] != ContentFingerprint(c)) return fail(Tr("lms_record.the_course_content_has_changed"));
    uint64_t saved, seed;
    if (!FromBase36(f[2], saved) || !FromBase36(f[3], seed)) return fail(Tr("lms_record.its_time_or_seed_is"));
    r.saved_at = int64_t(saved);
    const Rev rev{r.saved_at, "lms"};
    LearnerState& s = r.state;
    s.shuffle_seed = seed;
    if (!f[4].empty()) {
        uint64_t cur;
        if (!FromBase36(f[4], cur) || cur >= c.sections.size()) return fail(Tr("lms_record.its_reading_position_is_damaged"));
        s.reader.current = c.sections[cur].id;
        s.current_rev = rev;
    }
    if (f[5].size() != (c.sections.size() + 5) / 6) return fail(Tr("lms_record.its_list_of_sections_read"));
    for (size_t i = 0; i < f[5].size(); ++i) {
        int bits = FromB64(f[5][i]);
        if (bits < 0) return fail(Tr("lms_record.its_list_of_sections_read"));
        for (int b = 0; b < 6; ++b)
            if (bits & (1 << b)) {
                size_t si = i * 6 + b;
                if (si >= c.sections.size()) return fail(Tr("lms_record.its_list_of_sections_read"));
                s.reader.read.insert(c.sections[si].id);
            }
    }
    if (!f[6].empty())
        for (std::string_view pair : Split(f[6], '~')) {
            auto kv = Split(pair, ':');
            uint64_t si, px;
            if (kv.size() != 2 || !FromBase36(kv[0], si) || !FromBase36(kv[1], px) || si >= c.sections.size() || px > 1000000000)
                return fail(Tr("lms_record.its_scroll_positions_are_damaged"));
            s.reader.scroll[c.sections[si].id] = float(px);
        }
    if (!f[7].empty())
        for (std::string_view rec : Split(f[7], '~')) {
            if (rec.size() < 2) return fail(Tr("lms_record.a_reflection_answer_is_damaged"));
            int si = FromB64(rec[0]), pi = FromB64(rec[1]);
            if (si < 0 || size_t(si) >= c.sections.size() || pi < 0 || size_t(pi) >= c.sections[si].reflections.size())
                return fail(Tr("lms_record.a_reflection_answer_belongs_to"));
            const std::string& id = c.sections[si].reflections[pi].id;
            if (s.reflections.count(id)) return fail(Tr("lms_record.a_reflection_answer_appears_twice"));
            rec.remove_prefix(2);
            if (!rec.empty() && rec[0] == '*') {
                r.cut.insert(id);
                rec.remove_prefix(1);
            }
            std::string t;
            if (!Unescape(rec, t)) return fail(Tr("lms_record.a_reflection_answer_is_damaged"));
            s.reflections[id] = std::move(t);
            s.reflection_revs[id] = rev;
        }
    // Counts first: a text with a valid checksum may still claim more attempts than anyone
    // makes (a decode repeats the best to make up the count); it is damage, refused before
    // anything is reserved for it.
    if (!f[8].empty()) {
        uint64_t total = 0;
        auto records = Split(f[8], '~');
        if (records.size() > c.quizzes.size()) return fail(Tr("lms_record.it_has_more_quiz_records"));
        for (std::string_view rec : records) {
            auto parts = Split(rec, ',');
            if (parts.size() != 3) return fail(Tr("lms_record.a_quiz_record_is_damaged"));
            uint64_t count;
            if (!FromBase36(Split(parts[2], '/')[0], count) || count > kMaxAttempts)
                return fail(Tr("lms_record.it_claims_more_quiz_attempts"));
            total += count;
            if (total > kMaxAttemptsTotal) return fail(Tr("lms_record.it_claims_more_quiz_attempts"));
        }
    }
    if (!f[8].empty())
        for (std::string_view rec : Split(f[8], '~')) {
            auto parts = Split(rec, ',');
            if (parts.size() != 3 || parts[0].size() != 2) return fail(Tr("lms_record.a_quiz_record_is_damaged"));
            int qi = FromB64(parts[0][0]), flags = FromB64(parts[0][1]);
            if (qi < 0 || size_t(qi) >= c.quizzes.size() || flags < 0 || flags > 3) return fail(Tr("lms_record.a_quiz_record_is_damaged"));
            const Quiz& quiz = c.quizzes[qi];
            if (s.quizzes.count(quiz.id)) return fail(Tr("lms_record.a_quiz_record_appears_twice"));
            QuizProgress p;
            p.mastered = flags & 1;
            p.submitted = flags & 2;
            if (!parts[1].empty())
                for (std::string_view tok : Split(parts[1], ':')) {
                    if (tok.empty()) return fail(Tr("lms_record.an_answer_in") + quiz.id + Tr("lms_record.is_damaged"));
                    int k = FromB64(tok[0]);
                    if (k < 0 || size_t(k) >= quiz.questions.size()) return fail(Tr("lms_record.an_answer_in") + quiz.id + Tr("lms_record.is_damaged"));
                    const Question& q = quiz.questions[k];
                    if (p.answers.count(q.id)) return fail(Tr("lms_record.the_answer_to") + q.id + Tr("lms_record.appears_twice"));
                    tok.remove_prefix(1);
                    Response resp;
                    resp.hash = q.hash;
                    if (!tok.empty() && tok[0] == '!') {
                        resp.checked = true;
                        tok.remove_prefix(1);
                    }
                    bool ok = true;
                    if (q.kind == QuestionKind::SelfRating) {
                        ok = tok.size() == 1 && tok[0] >= '0' + kRatingMin && tok[0] <= '0' + kRatingMax;
                        if (ok) resp.rating = tok[0] - '0';
                    } else if (q.kind == QuestionKind::Ordering) {
                        ok = tok.size() == q.options.size();
                        std::vector<bool> seen(q.options.size(), false);
                        for (size_t i = 0; ok && i < tok.size(); ++i) {
                            int o = FromB64(tok[i]);
                            ok = o >= 0 && size_t(o) < q.options.size() && !seen[o];
                            if (ok) {
                                seen[o] = true;
                                resp.chosen.push_back(q.options[o].id);
                            }
                        }
                    } else {
                        ok = tok.size() == (q.options.size() + 5) / 6;
                        for (size_t o = 0; ok && o < q.options.size(); ++o) {
                            int bits = FromB64(tok[o / 6]);
                            ok = bits >= 0;
                            if (ok && (bits & (1 << (o % 6)))) resp.chosen.push_back(q.options[o].id);
                        }
                        ok = ok && !resp.chosen.empty();
                    }
                    if (!ok) return fail(Tr("lms_record.the_answer_to") + q.id + Tr("lms_record.is_damaged"));
                    p.answers[q.id] = std::move(resp);
                }
            auto at = Split(parts[2], '/');
            uint64_t count;
            if (!FromBase36(at[0], count) || count > kMaxAttempts ||
                at.size() != 1 + (count <= kWholeHistory ? count : 2))
                return fail(Tr("lms_record.the_attempts_at") + quiz.id + Tr("lms_record.are_damaged"));
            if (count <= kWholeHistory) {
                for (size_t i = 1; i < at.size(); ++i) {
                    Attempt a;
                    if (!DecodeAttempt(quiz, at[i], a)) return fail(Tr("lms_record.the_attempts_at") + quiz.id + Tr("lms_record.are_damaged"));
                    p.attempts.push_back(std::move(a));
                }
            } else {
                Attempt best, last;
                if (!DecodeAttempt(quiz, at[1], best)) return fail(Tr("lms_record.the_attempts_at") + quiz.id + Tr("lms_record.are_damaged"));
                if (at[2] == "=") last = best;
                else if (!DecodeAttempt(quiz, at[2], last)) return fail(Tr("lms_record.the_attempts_at") + quiz.id + Tr("lms_record.are_damaged"));
                p.attempts.assign(count - 1, best);
                p.attempts.push_back(std::move(last));
            }
            s.quizzes[quiz.id] = std::move(p);
            s.quiz_revs[quiz.id] = rev;
        }
    // One interaction per question at most: the list is never longer than the course has questions.
    size_t questions = 0;
    for (const Quiz& quiz : c.quizzes) questions += quiz.questions.size();
    if (f[9].size() % 2 || f[9].size() / 2 > questions) return fail(Tr("lms_record.its_list_of_interactions_is"));
    std::set<std::string> listed;
    for (size_t i = 0; i < f[9].size(); i += 2) {
        int qi = FromB64(f[9][i]), k = FromB64(f[9][i + 1]);
        if (qi < 0 || size_t(qi) >= c.quizzes.size() || k < 0 || size_t(k) >= c.quizzes[qi].questions.size())
            return fail(Tr("lms_record.its_list_of_interactions_is"));
        const std::string& id = c.quizzes[qi].questions[k].id;
        if (!listed.insert(id).second) return fail(Tr("lms_record.its_list_of_interactions_names"));
        r.order.push_back(id);
    }
    r.ok = true;
    return r;
}

//-----------------------------------------------------------------------------
// Report
//-----------------------------------------------------------------------------

namespace {

std::string InteractionId(const Question& q) {
    std::string id;
    for (char ch : q.id) {
        bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '-' || ch == '_';
        id += ok ? ch : '_';
    }
    return id.substr(0, 250);
}

std::string Letters(const Question& q, const std::vector<std::string>& ids) {
    std::string s;
    for (const std::string& id : ids) {
        int o = q.FindOption(id);
        if (o < 0 || o >= 36) continue;
        if (!s.empty()) s += ',';
        s += o < 26 ? char('a' + o) : char('0' + (o - 26));
    }
    return s;
}

std::string Joined(const std::vector<std::string>& ids) {
    std::string s;
    for (const std::string& id : ids) s += (s.empty() ? "" : "[,]") + id;
    return s;
}

double BestScore(const QuizProgress& p) {
    double best = 0;
    for (const Attempt& a : p.attempts) best = std::max(best, a.score);
    return best;
}

std::string Decimal(double v, int places) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.*f", places, v);
    std::string s = buf;
    if (s.find('.') != std::string::npos) {
        while (s.back() == '0') s.pop_back();
        if (s.back() == '.') s.pop_back();
    }
    return s == "-0" ? "0" : s;
}

}  // namespace

LmsReport BuildLmsReport(const Content& c, const LearnerState& s, std::vector<std::string>& order, int64_t now_ms,
                         const LearnerState* held) {
    LmsReport r;
    auto progress_of = [&](const std::string& quiz_id) -> const QuizProgress* {
        auto it = s.quizzes.find(quiz_id);
        return it == s.quizzes.end() ? nullptr : &it->second;
    };
    // Completion: the listed sections read and the final quiz attempted.
    std::vector<std::string> need = c.completion.sections;
    if (need.empty())
        for (const Section& sec : c.sections) need.push_back(sec.id);
    int items = int(need.size()), done = 0;
    for (const std::string& id : need) done += s.reader.read.count(id) ? 1 : 0;
    const Quiz* final_quiz = c.completion.final_quiz.empty() ? nullptr : c.FindQuiz(c.completion.final_quiz);
    if (final_quiz) {
        ++items;
        const QuizProgress* p = progress_of(final_quiz->id);
        if (p && !p->attempts.empty()) {
            ++done;
            r.passed = p->mastered ? 1 : 0;
            double best = BestScore(*p);
            r.raw = std::round(best * 10000) / 100;  // percent, 2 decimals
            r.scaled = std::round(best * 10000) / 10000;
        }
    }
    r.completed = done == items;
    r.progress = items ? std::round(double(done) / items * 10000) / 10000 : 1;
    r.location = s.reader.current;

    for (const Section& sec : c.sections) {
        LmsObjective o;
        o.id = sec.id;
        bool read = s.reader.read.count(sec.id) > 0;
        o.started = read || s.reader.current == sec.id;
        o.completed = read;
        if (const Quiz* quiz = c.QuizForSection(sec.id)) {
            const QuizProgress* p = progress_of(quiz->id);
            if (p && !p->answers.empty()) o.started = true;
            if (p && !p->attempts.empty()) {
                o.passed = p->mastered ? 1 : 0;
                o.score = BestScore(*p);
            } else {
                o.completed = false;  // a section with a quiz is complete once read and its quiz attempted
            }
        }
        r.objectives.push_back(std::move(o));
    }

    // Interactions: each question keeps the index it got when first answered.
    std::map<std::string, std::pair<const Quiz*, const Question*>> answered;
    for (const Quiz& quiz : c.quizzes) {
        const QuizProgress* p = progress_of(quiz.id);
        for (const Question& q : quiz.questions) {
            if (!CurrentAnswer(q, p)) continue;
            answered[q.id] = {&quiz, &q};
            if (std::find(order.begin(), order.end(), q.id) == order.end()) order.push_back(q.id);
        }
    }
    for (size_t n = 0; n < order.size(); ++n) {
        auto it = answered.find(order[n]);
        if (it == answered.end()) continue;  // answer cleared by a retry: the LMS keeps what it was last told
        const Quiz& quiz = *it->second.first;
        const Question& q = *it->second.second;
        const QuizProgress& p = *progress_of(quiz.id);
        const Response& resp = p.answers.at(q.id);
        LmsInteraction x;
        x.index = int(n);
        x.id = InteractionId(q);
        switch (q.kind) {
            case QuestionKind::SelfRating:
                x.type = LmsInteraction::Type::Likert;
                x.response12 = x.response2004 = std::string(1, char('0' + resp.rating));
                x.result = LmsInteraction::Result::Neutral;
                break;
            case QuestionKind::TrueFalse:
                x.type = LmsInteraction::Type::TrueFalse;
                x.response2004 = resp.chosen.front() == "true" ? "true" : "false";
                x.response12 = resp.chosen.front() == "true" ? "t" : "f";
                break;
            case QuestionKind::Ordering:
                x.type = LmsInteraction::Type::Sequencing;
                x.response12 = Letters(q, resp.chosen);
                x.response2004 = Joined(resp.chosen);
                break;
            default:
                x.type = LmsInteraction::Type::Choice;
                x.response12 = Letters(q, resp.chosen);
                x.response2004 = Joined(resp.chosen);
                break;
        }
        if (q.Graded()) {
            bool judged = p.submitted || (quiz.feedback == FeedbackMode::Immediate && resp.checked);
            if (judged) x.result = GradeAnswer(quiz, p, q.id).correct ? LmsInteraction::Result::Correct : LmsInteraction::Result::Wrong;
        }
        r.interactions.push_back(std::move(x));
    }
    r.suspend_data = EncodeSuspendData(c, s, order, now_ms, kSuspendBudget, held);
    return r;
}

//-----------------------------------------------------------------------------
// The LMS record comes first
//-----------------------------------------------------------------------------

size_t SuspendLimit(LmsVersion v) { return v == LmsVersion::Scorm2004 ? 64000 : 4096; }

LmsFloor FloorOf(const LmsRecord& rec, LmsVersion v) {
    LmsFloor f;
    if (v == LmsVersion::Scorm12) {
        f.completed = rec.status == "passed" || rec.status == "failed" || rec.status == "completed";
        f.passed = rec.status == "passed" ? 1 : rec.status == "failed" ? 0 : -1;
    } else if (v == LmsVersion::Scorm2004) {
        f.completed = rec.status == "completed";
        f.passed = rec.success == "passed" ? 1 : rec.success == "failed" ? 0 : -1;
    }
    if (!rec.score_raw.empty() && rec.score_raw.size() < 32) {
        char* end = nullptr;
        std::string text = rec.score_raw;
        double raw = std::strtod(text.c_str(), &end);
        if (end && *end == 0 && std::isfinite(raw) && raw >= 0 && raw <= 100) f.raw = raw;
    }
    return f;
}

namespace {
double BestOf(const std::vector<Attempt>& a) {
    double best = -1;
    for (const Attempt& x : a) best = std::max(best, x.score);
    return best;
}
}  // namespace

bool KeepHeldRecords(LearnerState& s, const LearnerState& held, const Content* content) {
    bool added = false;
    for (const std::string& id : held.reader.read) added |= s.reader.read.insert(id).second;
    for (const auto& [id, text] : held.reflections) {
        if (text.empty()) continue;
        auto it = s.reflections.find(id);
        if (it != s.reflections.end() && !it->second.empty()) continue;
        s.reflections[id] = text;
        auto rev = held.reflection_revs.find(id);
        s.reflection_revs[id] = rev == held.reflection_revs.end() ? Rev{} : rev->second;
        added = true;
    }
    for (const auto& [id, theirs] : held.quizzes) {
        auto it = s.quizzes.find(id);
        if (it == s.quizzes.end()) {
            s.quizzes[id] = theirs;
            auto rev = held.quiz_revs.find(id);
            s.quiz_revs[id] = rev == held.quiz_revs.end() ? Rev{} : rev->second;
            added = true;
            continue;
        }
        QuizProgress& mine = it->second;
        // Answers belong to a round: the attempt being reviewed (submitted) or the one being
        // answered after the last attempt. A retry starts a new round, so answers of an older
        // round are never brought back as current ones; a copy further along wins the graded
        // answers and the submitted flag (its retry or submit came later). Self-ratings are not
        // tries (a retry keeps them): one missing here is always filled in. Attempts, mastery and
        // the best score are kept below whatever the rounds say.
        auto round = [](const QuizProgress& p) { return p.attempts.size() + (p.submitted ? 0 : 1); };
        const size_t my_round = round(mine), their_round = round(theirs);
        const Quiz* quiz = content ? content->FindQuiz(id) : nullptr;
        auto graded = [&](const std::string& qid) {  // unknown without the content: treated as graded
            if (quiz)
                for (const Question& q : quiz->questions)
                    if (q.id == qid) return q.Graded();
            return true;
        };
        if (their_round > my_round) {
            for (auto a = mine.answers.begin(); a != mine.answers.end();) {
                if (!graded(a->first)) {
                    ++a;
                    continue;
                }
                a = mine.answers.erase(a);
                added = true;
            }
            added |= mine.submitted != theirs.submitted;
            mine.submitted = theirs.submitted;
        }
        for (const auto& [qid, resp] : theirs.answers) {
            if (mine.answers.count(qid)) continue;
            if (their_round < my_round && graded(qid)) continue;  // cleared by a later retry here
            mine.answers[qid] = resp;
            added = true;
        }
        if (theirs.mastered && !mine.mastered) {
            mine.mastered = true;
            added = true;
        }
        if (theirs.attempts.size() > mine.attempts.size()) {
            // The longer history; this copy's best joins it when it beats every attempt there.
            std::vector<Attempt> longer = theirs.attempts;
            double best = BestOf(mine.attempts);
            if (best > BestOf(longer)) {
                for (const Attempt& a : mine.attempts)
                    if (a.score == best) {
                        longer.push_back(a);
                        break;
                    }
                std::stable_sort(longer.begin(), longer.end(), [](const Attempt& a, const Attempt& b) { return a.time < b.time; });
            }
            mine.attempts = std::move(longer);
            added = true;
        } else if (!theirs.attempts.empty()) {
            double best = BestOf(theirs.attempts);
            if (best > BestOf(mine.attempts)) {
                for (const Attempt& a : theirs.attempts)
                    if (a.score == best) {
                        mine.attempts.push_back(a);
                        break;
                    }
                std::stable_sort(mine.attempts.begin(), mine.attempts.end(),
                                 [](const Attempt& a, const Attempt& b) { return a.time < b.time; });
                added = true;
            }
        }
    }
    return added;
}

void MergeLmsRecord(LearnerState& device, const LearnerState& lms, const Content* content) {
    LearnerState before = device;
    MergeStates(device, lms);
    KeepHeldRecords(device, lms, content);     // what the LMS held that the device's newer records lack
    KeepHeldRecords(device, before, content);  // and what the device held that the LMS's newer records lack
}

void ApplyFloor(LmsReport& r, const LmsFloor& f) {
    if (f.completed && !r.completed) {
        r.completed = true;
        r.progress = 1;
    }
    if (f.passed > r.passed) r.passed = f.passed;
    if (f.raw > r.raw + 1e-9) {
        r.raw = f.raw;
        r.scaled = std::round(f.raw * 100) / 10000;
    }
}

std::string FormatSessionTime(int64_t ms, LmsVersion v) {
    if (ms < 0) ms = 0;
    int64_t cs = ms / 10;  // hundredths
    int64_t h = cs / 360000, m = cs / 6000 % 60, sec = cs / 100 % 60, frac = cs % 100;
    char buf[64];
    if (v == LmsVersion::Scorm12) {
        std::snprintf(buf, sizeof buf, "%04lld:%02lld:%02lld.%02lld", (long long)std::min<int64_t>(h, 9999), (long long)m,
                      (long long)sec, (long long)frac);
        return buf;
    }
    std::string s = Decimal(double(sec) + frac / 100.0, 2);
    std::snprintf(buf, sizeof buf, "PT%lldH%lldM%sS", (long long)h, (long long)m, s.c_str());
    return buf;
}

std::vector<std::pair<std::string, std::string>> LmsValues(const LmsReport& r, LmsVersion v, int64_t session_ms) {
    std::vector<std::pair<std::string, std::string>> out;
    auto set = [&](std::string k, std::string val) { out.emplace_back(std::move(k), std::move(val)); };
    const bool v12 = v == LmsVersion::Scorm12;
    if (v == LmsVersion::None) return out;
    if (v12) {
        if (r.raw >= 0) {
            set("cmi.core.score.min", Decimal(r.min, 2));
            set("cmi.core.score.max", Decimal(r.max, 2));
            set("cmi.core.score.raw", Decimal(r.raw, 2));
        }
        set("cmi.core.lesson_status", !r.completed ? "incomplete" : r.passed == 1 ? "passed" : r.passed == 0 ? "failed" : "completed");
        set("cmi.core.lesson_location", r.location.substr(0, 255));
        set("cmi.core.exit", r.completed ? "" : "suspend");
        set("cmi.core.session_time", FormatSessionTime(session_ms, v));
    } else {
        if (r.raw >= 0) {
            set("cmi.score.min", Decimal(r.min, 2));
            set("cmi.score.max", Decimal(r.max, 2));
            set("cmi.score.raw", Decimal(r.raw, 2));
            set("cmi.score.scaled", Decimal(r.scaled, 4));
        }
        set("cmi.completion_status", r.completed ? "completed" : "incomplete");
        set("cmi.success_status", r.passed == 1 ? "passed" : r.passed == 0 ? "failed" : "unknown");
        set("cmi.progress_measure", Decimal(r.progress, 4));
        set("cmi.location", r.location.substr(0, 1000));
        set("cmi.exit", r.completed ? "normal" : "suspend");
        set("cmi.session_time", FormatSessionTime(session_ms, v));
    }
    set("cmi.suspend_data", r.suspend_data);
    for (size_t n = 0; n < r.objectives.size(); ++n) {
        const LmsObjective& o = r.objectives[n];
        const std::string k = "cmi.objectives." + std::to_string(n) + ".";
        set(k + "id", o.id);
        if (v12) {
            set(k + "status", o.passed == 1 ? "passed" : o.passed == 0 ? "failed" : o.completed ? "completed"
                              : o.started ? "incomplete" : "not attempted");
        } else {
            set(k + "completion_status", o.completed ? "completed" : o.started ? "incomplete" : "not attempted");
            set(k + "success_status", o.passed == 1 ? "passed" : o.passed == 0 ? "failed" : "unknown");
        }
        if (o.score >= 0) {
            if (!v12) set(k + "score.scaled", Decimal(std::round(o.score * 10000) / 10000, 4));
            set(k + "score.min", "0");
            set(k + "score.max", "100");
            set(k + "score.raw", Decimal(std::round(o.score * 10000) / 100, 2));
        }
    }
    static const char* kTypes[] = {"choice", "true-false", "sequencing", "likert"};
    for (const LmsInteraction& x : r.interactions) {
        const std::string k = "cmi.interactions." + std::to_string(x.index) + ".";
        set(k + "id", x.id);
        set(k + "type", kTypes[int(x.type)]);
        set(k + (v12 ? "student_response" : "learner_response"), v12 ? x.response12 : x.response2004);
        switch (x.result) {
            case LmsInteraction::Result::Correct: set(k + "result", "correct"); break;
            case LmsInteraction::Result::Wrong: set(k + "result", v12 ? "wrong" : "incorrect"); break;
            case LmsInteraction::Result::Neutral: set(k + "result", "neutral"); break;
            default: break;
        }
    }
    return out;
}

}  // namespace wb
