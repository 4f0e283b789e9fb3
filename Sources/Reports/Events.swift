import Geodesy
import Places

extension Document {
    // MARK: People

    static let roles = WordSet(["commander", "head", "leader", "spokesman", "spokesperson", "spokeswoman", "chief",
                                "official", "member", "founder", "commanders", "general"])

    /// Binds people to the actor they speak for: "Ahmed Abu Khawla, the commander of the
    /// Deir el-Zour Military Council" and "SDF spokesman Talal Silo". Later "Abu Khawla said
    /// his group..." is then the SDF.
    mutating func bindPeople() {
        // Tokens inside an actor's name, and each sentence's actors.
        var inActor = [Bool](repeating: false, count: tokens.count)
        for a in actors { for t in a.tokens { inActor[t] = true } }
        let actorsOf = itemRanges(sentences: actors.map(\.sentence))
        // Both patterns name the actor and a role in the person's sentence: other sentences
        // bind no one.
        for s in layout.sentences.indices where !actorsOf[s].isEmpty {
            let range = tokenRange(ofSentence: s)
            guard range.contains(where: { wordClasses[$0].contains(.role) }) else { continue }
            var i = range.lowerBound
            while i < range.upperBound {
                // A run of capitalised words.
                guard tokens[i].initial == .upper else { i += 1; continue }
                var j = i
                while j + 1 < range.upperBound, tokens[j + 1].gapBefore == .space || tokens[j + 1].gapBefore == .hyphen,
                      tokens[j + 1].initial == .upper || tokens[j + 1].isArticle { j += 1 }
                defer { i = j + 1 }
                guard j > i, !inActor[i], !inActor[j] else { continue }
                let sentenceActors = actors[actorsOf[s]]
                // "NAME, the commander of ACTOR"
                var k = j + 1
                if k < range.upperBound, tokens[k].gapBefore == .other, hasComma(tokens[j].end..<tokens[k].start) {
                    while k < range.upperBound, Lexicon.determiners.contains(lower[k]) { k += 1 }
                    if k < range.upperBound, Document.roles.contains(lower[k]),
                       let actor = sentenceActors.first(where: { $0.tokens.lowerBound > k && $0.tokens.lowerBound <= k + 6 }) {
                        people[lower[j]] = actor.actor
                        continue
                    }
                }
                // "ACTOR spokesman NAME"
                if i >= range.lowerBound + 2, Document.roles.contains(lower[i - 1]),
                   let actor = sentenceActors.first(where: { $0.tokens.upperBound >= i - 4 && $0.tokens.upperBound < i - 1 }) {
                    people[lower[j]] = actor.actor
                }
            }
        }
    }

    /// Whether the text `r` holds a comma: its byte, which in UTF-8 is never part of another
    /// character's, so no String is made for a gap with a curly quote or a dash.
    func hasComma(_ r: Range<Int>) -> Bool {
        UnsafeBufferPointer(rebasing: text[r]).contains(UInt8(ascii: ","))
    }

    // MARK: Events

    struct Trigger { var action: Action; var first: Int; var last: Int; var passive: Bool }

    static let skippable = WordSet(["finally", "already", "swiftly", "reportedly", "also", "just", "have", "has", "had",
                                    "been", "recently", "allegedly", "then", "now", "successfully", "quickly", "more",
                                    "they", "it", "be", "soon", "eventually"])
    /// First words of the passive strike phrases ("came under attack", "were hit", "was hit").
    static let passiveStarts = WordSet(["came", "come", "comes", "coming", "were", "was"])
    static let coordinators = WordSet(["and", "or", "with", "by", "from", "backed", "against", "between", "plus"])
    static let joiners = WordSet(["and", "the", "parts", "part", "of", "as", "well", "including", "more", "recently",
                                  "village", "villages", "town", "towns", "city"])
    static let compass = WordSet(["north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                                  "northeastern", "northwestern", "southeastern", "southwestern"])

    /// The word classes a trigger starts with: a token with none of them is passed over on
    /// one test (most words have other classes, or none).
    static let triggerClasses: Lexicon.WordClass = [.siegeBreaker, .launchWord, .fireVerb, .movementVerb, .actionStart]

    func triggers(inSentence s: Int) -> [Trigger] {
        let range = tokenRange(ofSentence: s)
        var out: [Trigger] = []
        let actionWords = Lexicon.actionWords, triggerClasses = Document.triggerClasses
        var i = range.lowerBound
        while i < range.upperBound {
            let classes = wordClasses[i]
            if classes.isDisjoint(with: triggerClasses) { i += 1; continue }
            if classes.contains(.siegeBreaker) {
                if let noun = (i + 1..<min(range.upperBound, i + 9)).first(where: { Lexicon.siegeNouns.contains(lower[$0]) }) {
                    out.append(Trigger(action: .siegeBroken, first: i, last: noun, passive: false)); i = noun + 1; continue
                }
            }
            if classes.contains(.launchWord) {
                if let noun = (i + 1..<min(range.upperBound, i + 7)).first(where: { Lexicon.offensiveNouns.contains(lower[$0]) }) {
                    out.append(Trigger(action: .offensive, first: i, last: noun, passive: false)); i = noun + 1; continue
                }
            }
            if classes.contains(.fireVerb) {
                // "fired cruise missiles at IS targets near the city": a strike.
                var k = i + 1
                while k < range.upperBound, k <= i + 5, Lexicon.munitions.contains(lower[k]) || tokens[k].initial == .digit { k += 1 }
                if k > i + 1, k < range.upperBound, lower[k] == Word.at {
                    out.append(Trigger(action: .strike, first: i, last: k, passive: false)); i = k + 1; continue
                }
            }
            if classes.contains(.movementVerb) {
                // "pushed north toward X", "moved east into X", "drove deeper into X" (a compass
                // pair written "north-east" counts as one direction).
                var k = i + 1
                var between = 0
                while k < range.upperBound, between < 3, Lexicon.movementAdverbs.contains(lower[k]) { k += 1; between += 1 }
                if k < range.upperBound, Lexicon.movementEnds.contains(lower[k]), placeFollows(k, in: range) {
                    out.append(Trigger(action: .advance, first: i, last: k, passive: false)); i = k + 1; continue
                }
            }
            // A phrase of more than one word ("were hit") has one of its later words next.
            if classes.contains(.actionStart),
               classes.contains(.wholePhrase) || (i + 1 < tokens.count && wordClasses[i + 1].contains(.laterPhraseWord)),
               let (last, action) = phrase(at: i, in: actionWords),
               last > i || !Document.takeWords.contains(lower[i]) || (i + 1 < range.upperBound && !Lexicon.takeIdioms.contains(lower[i + 1])) {
                // "were hit with an attack ..., targeting our units in X": one strike.
                if action == .strike, out.last?.action == .strike { i = last + 1; continue }
                let passive = action == .strike && Document.passiveStarts.contains(lower[i])
                out.append(Trigger(action: action, first: i, last: last, passive: passive)); i = last + 1; continue
            }
            i += 1
        }
        return out
    }

    /// A mention that is a dateline: a name in capitals opening its paragraph ("MOSCOW —",
    /// "BEIRUT (Reuters) -").
    func isDateline(_ m: PlaceMention) -> Bool {
        let first = m.tokens.lowerBound
        guard sentenceFirstToken[m.sentence] == first,
              m.sentence == 0 || layout.sentences[m.sentence - 1].paragraph != layout.sentences[m.sentence].paragraph else { return false }
        return m.span.text.count > 2 && !m.span.text.contains(where: { $0.isLowercase })
    }

    /// Where a closing attribution starts (", the defence ministry in Moscow said."): the
    /// token after the sentence's last comma when the words from there end with a verb of
    /// saying; else the sentence's end. A place there is where the speaker is, not the event.
    func attribution(in range: Range<Int>) -> Int {
        var last = range.upperBound - 1
        guard last > range.lowerBound else { return range.upperBound }
        let commas = Document.commas, speechVerbs = Document.speechVerbs
        var k = last
        while k > range.lowerBound, last - k < 10, !gap(before: k, has: commas) { k -= 1 }
        guard k > range.lowerBound, gap(before: k, has: commas) else { return range.upperBound }
        // "..., the ministry said." / "..., the ministry said on Saturday."
        func isSpeech(_ t: Int) -> Bool { tokens[t].initial == .lower && speechVerbs.contains(lower[t]) }
        while last > k, !isSpeech(last), last > range.upperBound - 4 { last -= 1 }
        return isSpeech(last) ? k : range.upperBound
    }

    static let speechVerbs = WordSet(["said", "says", "reported", "reports", "announced", "claimed", "added", "told", "stated",
                                      "confirmed", "noted", "wrote", "tweeted"])

    /// Whether a place name follows token `k` closely, only words that lead to a place
    /// between ("toward the town of X", "into the outskirts of X"; not "toward a deal with X").
    func placeFollows(_ k: Int, in range: Range<Int>) -> Bool {
        var j = k + 1
        while j < min(range.upperBound, k + 7) {
            if mentionStarting(at: j) { return true }
            guard Document.placeLeads.contains(lower[j]) || Lexicon.determiners.contains(lower[j]) else { return false }
            j += 1
        }
        return false
    }

    /// Whether a place mention starts at token `t` (mentions are in text order).
    func mentionStarting(at t: Int) -> Bool {
        var lo = 0, hi = mentions.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if mentions[mid].tokens.lowerBound < t { lo = mid + 1 } else { hi = mid }
        }
        return lo < mentions.count && mentions[lo].tokens.lowerBound == t
    }

    /// Words that lead from a preposition to a place: "the town of", "the outskirts of", "positions near".
    static let placeLeads = WordSet(["town", "city", "village", "villages", "of", "outskirts", "edge", "edges", "centre", "center",
                                     "positions", "near", "rural", "areas", "parts", "neighbourhoods", "neighborhoods", "northern",
                                     "southern", "eastern", "western", "central", "key", "strategic", "besieged", "province",
                                     "countryside", "heart", "gates", "suburbs", "border", "frontier", "road", "highway"])

    /// The place an action takes from before it: the last one within 12 tokens, after the
    /// action's subject or opening the sentence, and not a country. (A loop, not a closure
    /// over `self`: that would copy the whole document per trigger.)
    func mentionBefore(_ trigger: Int, among indices: [Int], afterSubject: Int) -> Int? {
        for k in indices.reversed() {
            let last = mentions[k].tokens.upperBound
            guard last < trigger, last >= trigger - 12, mentions[k].place.kind != .country else { continue }
            if last >= afterSubject || setsTheScene(mentions[k]) { return k }
        }
        return nil
    }

    /// "In Raqqa, the SDF seized ...", "Further north, near Hajin, ...": a place in an opening
    /// phrase with a comma after it is where the whole sentence happens.
    func setsTheScene(_ m: PlaceMention) -> Bool {
        let first = sentenceFirstToken[m.sentence]
        guard m.tokens.lowerBound >= 1, m.tokens.lowerBound - first <= 4, Document.sceneWords.contains(lower[m.tokens.lowerBound - 1]) else { return false }
        // "In Raqqa city, ...": the qualifier belongs to the phrase.
        var last = m.tokens.upperBound
        if last + 1 < tokens.count, tokens[last + 1].gapBefore == .space, Document.settlementNouns.contains(lower[last + 1]) { last += 1 }
        guard last + 1 < tokens.count, tokenSentence[last + 1] == m.sentence else { return false }
        return gap(before: last + 1).first == UInt8(ascii: ",")
    }

    static let takeWords = WordSet(["took", "taken", "takes"])
    static let clauseJoiners = WordSet(["and", "but", "while", "whereas"])

    /// Nouns for the members of a force: "fighters of X" is X.
    static let forceNouns = WordSet(["fighters", "units", "forces", "troops", "members", "militants", "soldiers",
                                     "militiamen", "elements", "detachments", "battalions", "brigades"])

    static let sceneWords = WordSet(["in", "at", "near", "around", "inside", "outside"])

    /// The actor that is the subject of an action starting at token `first`: the last of
    /// `candidates` (indices of `actors`, in text order) before it that stands as one.
    func subjectOfAction(at first: Int, among candidates: Range<Int>, in range: Range<Int>) -> (actor: Actor, tokens: ClosedRange<Int>)? {
        let determiners = Lexicon.determiners, coordinators = Document.coordinators, nonSubjectMarkers = Lexicon.nonSubjectMarkers
        for a in candidates.reversed() {
            let tokens = actors[a].tokens
            guard tokens.upperBound < first else { continue }
            var b = tokens.lowerBound - 1
            while b >= range.lowerBound, determiners.contains(lower[b]) { b -= 1 }
            // Right before the action it is its subject ("government forces reaching"),
            // unless it is coordinated with one before ("troops and their allies reached").
            if tokens.upperBound == first - 1, b < range.lowerBound || !coordinators.contains(lower[b]) { return (actors[a].actor, tokens) }
            // "U.S.-backed", "Iranian-backed": a compound adjective of the actor, not
            // "backed by" someone else.
            if b > range.lowerBound, lower[b] == Word.backed, self.tokens[b].gapBefore != .space { return (actors[a].actor, tokens) }
            // "Fighters of the Deir ez-Zor Military Council ... took": the force is the subject.
            if b > range.lowerBound, lower[b] == Word.of, Document.forceNouns.contains(lower[b - 1]) { return (actors[a].actor, tokens) }
            // ", and SDF fighters took ...": after a comma "and" joins clauses, not actors.
            if b > range.lowerBound, Document.clauseJoiners.contains(lower[b]), self.tokens[b].gapBefore == .other { return (actors[a].actor, tokens) }
            if !(b >= range.lowerBound && nonSubjectMarkers.contains(lower[b])) { return (actors[a].actor, tokens) }
        }
        return nil
    }

    /// The actor of the first of `candidates` (indices of `actors`) that starts within
    /// tokens `r` and is not `other`.
    func actor(startingIn r: ClosedRange<Int>, among candidates: Range<Int>, other: Actor?) -> Actor? {
        for a in candidates where r.contains(actors[a].tokens.lowerBound) && actors[a].actor != other { return actors[a].actor }
        return nil
    }

    /// The word classes of each sentence's tokens together: a pass after words of some
    /// classes skips, on one test, the sentences with none.
    func sentenceWordClasses() -> [Lexicon.WordClass] {
        var all = [Lexicon.WordClass](repeating: [], count: sentenceTokens.count)
        wordClasses.withUnsafeBufferPointer { classes in
            for (s, range) in sentenceTokens.enumerated() {
                var union: UInt32 = 0
                var t = range.lowerBound
                while t < range.upperBound { union |= classes[t].rawValue; t += 1 }
                all[s] = Lexicon.WordClass(rawValue: union)
            }
        }
        return all
    }

    /// Events: a trigger word, its actor (the subject, the agent of a passive, or for a
    /// pronoun the actor of the sentence before), its place (a road named by its ends, else
    /// the first place named after it, else one between its subject and it, else a generic
    /// reference; never a country), whether it took only part of the place, and its date (an
    /// expression in the sentence, else the previous sentence's when this one continues it,
    /// else the date of the same attack told earlier, else the report's date at week
    /// precision).
    /// `capitalOf` gives the settlement a province is named after ("Deir ez-Zor province" →
    /// the city of Deir ez-Zor), when the gazetteer has one.
    func findEvents(resolveGeneric: (String) -> Place?, capitalOf: (Place) -> Place?) -> [Event] {
        // The closures below read these: as locals they capture an array each, not a copy
        // of the whole document.
        let lower = self.lower, mentions = self.mentions, people = self.people, actors = self.actors
        // Word lists read per action: locals, not a global's access each time.
        let skippable = Document.skippable, irrealis = Lexicon.irrealis, modals = Lexicon.modals
        let determiners = Lexicon.determiners, possessives = Lexicon.possessives, subjectPronouns = Document.subjectPronouns
        let joiners = Document.joiners, partWords = Document.partWords, triggerClasses = Document.triggerClasses
        let wordIf = Word.if, wordUnless = Word.unless, wordOf = Word.of, wordFrom = Word.from, wordBy = Word.by, wordTheir = Word.their
        var events: [Event] = []
        var lastActor: (actor: Actor, sentence: Int)?
        // The attacker of the last strike found.
        var lastStriker: Actor?
        let actorsOf = itemRanges(sentences: actors.map(\.sentence))
        let mentionsOf = itemRanges(sentences: mentions.map(\.sentence))
        // Each mention's kind, asked for per action (a Place's fields are behind a reference).
        let mentionKinds = mentions.map(\.place.kind)
        var dateCache = [[DateExpression]?](repeating: nil, count: layout.sentences.count)
        // Each action's candidate mentions (by index), in buffers kept from action to action.
        var eventMentions: [Int] = [], after: [Int] = []
        // Each action's places, their words and the mention naming each (by index), in a
        // buffer kept from action to action.
        var places: [(Place, String, Int?)] = []
        // Most sentences hold no word an action starts with: passed over on one test.
        let sentenceClasses = sentenceWordClasses()
        for s in layout.sentences.indices where !sentenceClasses[s].isDisjoint(with: triggerClasses) && !layout.sentences[s].isTitle {
            let range = tokenRange(ofSentence: s)
            let sentenceTriggers = triggers(inSentence: s)
            guard !sentenceTriggers.isEmpty else { continue }
            // Actors and mentions by index: each holds a String (and a mention a Place), costly to copy.
            let sentenceActors = actorsOf[s]
            let sentenceMentions = mentionsOf[s]
            let said = attribution(in: range)
            for trigger in sentenceTriggers {
                // Purpose, future and wishes are not events.
                var k = trigger.first - 1
                while k >= range.lowerBound, skippable.contains(lower[k]) { k -= 1 }
                if k >= range.lowerBound, irrealis.contains(lower[k]) { continue }
                if (max(range.lowerBound, trigger.first - 5)..<trigger.first).contains(where: { modals.contains(lower[$0]) }) { continue }
                // A conditional sentence reports nothing.
                if (range.lowerBound..<trigger.first).contains(where: { lower[$0] == wordIf || lower[$0] == wordUnless }) { continue }

                // The actor.
                var actor: Actor?
                var target: Actor?
                let subject = subjectOfAction(at: trigger.first, among: sentenceActors, in: range)
                if trigger.passive {
                    // "were hit with an attack from the Russian aircraft": the agent after from/by.
                    actor = sentenceActors.first { a in
                        let first = actors[a].tokens.lowerBound
                        guard first > trigger.last, first <= trigger.last + 8 else { return false }
                        var b = first - 1
                        while b > trigger.last, determiners.contains(lower[b]) { b -= 1 }
                        return lower[b] == wordFrom || lower[b] == wordBy
                    }.map { actors[$0].actor }
                    target = subject?.actor
                } else if trigger.action == .strike && subject == nil {
                    // "The warplanes struck": the attacker of the report's last strike, else
                    // the actor of the event just before when it has aircraft ("the SDF took
                    // the village ... airstrikes hit a market" names no attacker).
                    actor = lastStriker
                        ?? lastActor.flatMap { s - $0.sentence <= 2 && $0.actor.fliesAircraft ? $0.actor : nil }
                    target = self.actor(startingIn: trigger.last + 1...trigger.last + 4, among: sentenceActors, other: actor)
                } else {
                    actor = subject?.actor
                    // "the coalition welcomes ... their offensive": the offensive is the force the
                    // report spoke of before, not the coalition's; but "the coalition said its
                    // aircraft struck" is the coalition's own.
                    let near = max(range.lowerBound, trigger.first - 3)...trigger.last
                    let possessive = near.contains { possessives.contains(lower[$0]) }
                    let plural = near.contains { lower[$0] == wordTheir }
                    if possessive, actor == nil || ((actor == .coalition || actor == .us) && plural), let previous = lastActor, previous.actor != actor {
                        actor = previous.actor
                    }
                    // The person named last before the action.
                    if actor == nil, !people.isEmpty {
                        var b = trigger.first - 1
                        while actor == nil, b >= range.lowerBound { actor = people[lower[b]]; b -= 1 }
                    }
                    // "They also seized ...": a pronoun subject is the actor of the sentence before.
                    if actor == nil, let previous = lastActor, s - previous.sentence <= 1 {
                        var b = trigger.first - 1
                        while b >= range.lowerBound, skippable.contains(lower[b]), !subjectPronouns.contains(lower[b]) { b -= 1 }
                        if b >= range.lowerBound, subjectPronouns.contains(lower[b]) { actor = previous.actor }
                    }
                    if trigger.action == .strike {
                        target = self.actor(startingIn: trigger.last + 1...trigger.last + 3, among: sentenceActors, other: actor)
                    }
                }
                guard let actor else { continue }

                // The place(s).
                places.removeAll(keepingCapacity: true)
                var roadPart = false, sceneObject = false
                // Places after the action and before the next one; else one shortly before it.
                let nextTrigger = sentenceTriggers.first { $0.first > trigger.last }?.first ?? range.upperBound
                // Rivers are lines: an event is on a river only when it crosses it.
                eventMentions.removeAll(keepingCapacity: true)
                for k in sentenceMentions where mentionKinds[k] != .river || trigger.action == .cross { eventMentions.append(k) }
                // A country is never where an event happened: drawn at its centroid it would
                // say the fighting was there. The event takes the most specific place the
                // sentence gives it, or none ("an offensive in eastern Syria" places nothing).
                // A closing attribution after the action holds where the speaker is, not the event.
                let saidFrom = said > trigger.last ? said : range.upperBound
                let afterEnd = min(nextTrigger, saidFrom)
                after.removeAll(keepingCapacity: true)
                for k in eventMentions where mentions[k].tokens.lowerBound > trigger.last && mentions[k].tokens.lowerBound < afterEnd
                    && mentionKinds[k] != .country { after.append(k) }
                // A place before the action belongs to it only after the action's subject: one
                // before the subject is another clause's ("rebels marched toward X, but ...
                // when troops reached the border"), unless the subject's clause is about it
                // ("X, where troops broke the siege").
                var afterSubject = range.lowerBound
                if let subject {
                    var b = subject.tokens.lowerBound - 1
                    while b >= range.lowerBound, determiners.contains(lower[b]) { b -= 1 }
                    // "X, where troops broke the siege", "X, which the SDF liberated last week".
                    afterSubject = b >= range.lowerBound && (lower[b] == Word.where || lower[b] == Word.which) ? b - 1 : subject.tokens.upperBound + 1
                }
                if let (road, text, noun) = road(from: trigger.last + 1, to: nextTrigger, mentions: after) {
                    // "seized part of a main highway running from X to Y": the road, not X.
                    roadPart = (trigger.last + 2..<max(trigger.last + 2, noun)).contains { lower[$0] == wordOf && partWords.contains(lower[$0 - 1]) }
                    places.append((road, text, nil))
                } else if let first = after.first {
                    places.append((mentions[first].place, mentions[first].span.text, first))
                    // "the 113th Brigade Base and parts of the Al-Salihiyah District"
                    var previous = mentions[first].tokens
                    for m in after where mentions[m].tokens.lowerBound > previous.upperBound {
                        let between = (previous.upperBound + 1)..<mentions[m].tokens.lowerBound
                        guard between.allSatisfy({ joiners.contains(lower[$0]) }),
                              between.contains(where: { lower[$0] == Word.and || lower[$0] == Word.including }) else { break }
                        places.append((mentions[m].place, mentions[m].span.text, m)); previous = mentions[m].tokens
                    }
                } else if let (place, text) = genericPlace(in: range, from: trigger.last + 1, to: min(nextTrigger, trigger.last + 9), resolve: resolveGeneric) {
                    places.append((place, text, nil))
                } else if let (mention, text, possessive) = settlementNamedBefore(from: trigger.last + 1, to: min(nextTrigger, saidFrom, trigger.last + 7)) {
                    // "took the city", "captured the city's stadium": the settlement the report
                    // named last, or part of it.
                    places.append((mention.place, text, nil))
                    sceneObject = possessive
                } else if let before = mentionBefore(trigger.first, among: eventMentions, afterSubject: afterSubject) {
                    places.append((mentions[before].place, mentions[before].span.text, before))
                    // "In Raqqa, the SDF seized the Old City": what was taken is in the place
                    // the sentence opens with, not all of it.
                    sceneObject = mentions[before].tokens.upperBound < afterSubject && trigger.last + 1 < nextTrigger && determiners.contains(lower[trigger.last + 1])
                } else if let (place, text) = genericPlace(in: range, from: range.lowerBound, to: trigger.first, resolve: resolveGeneric) {
                    places.append((place, text, nil))
                }
                if trigger.action == .siegeBroken {
                    // A siege is of a settlement (or a base or an airport within reach of one):
                    // "the blockade of Deir ez-Zor province" means its city, and a siege of a
                    // region, a valley or a road is no siege the map can show.
                    places = places.compactMap { place, text, mention in
                        switch place.kind {
                        case .province: capitalOf(place).map { ($0, text, mention) }
                        case .country, .region, .valley, .river, .road: nil
                        default: (place, text, mention)
                        }
                    }
                }
                guard !places.isEmpty else { continue }

                var (date, dateText) = eventDate(sentence: s, near: trigger.first, cache: &dateCache)
                if dateText == Document.reportDateText, let target, let told = events.last(where: { e in
                    // The same attack told again ("Russian jets struck the SDF in the province on
                    // Saturday ... our units in the industrial zone were hit"): the same
                    // attacker, action and target, at a place within the first one's.
                    e.actor == actor && e.action == trigger.action && e.target == target && e.dateText != Document.reportDateText
                        && Document.isPlace(places[0].0, within: e.place)
                }) {
                    (date, dateText) = (told.date, told.dateText)
                }
                // "capturing roughly 250 km2" after a place, "liberated 93 villages in X": the
                // action took ground in the place, not all of it.
                var partOfFirst = false
                if let amount = groundAmount(from: trigger.last + 1, in: range), let first = places.first?.2 {
                    let name = mentions[first].tokens
                    partOfFirst = name.upperBound < trigger.first
                        || (name.lowerBound > amount && name.lowerBound <= amount + 4
                            && (lower[amount + 1] == Word.in || lower[amount + 1] == Word.of || lower[amount + 1] == Word.across))
                }
                let quote = sentenceSpan(s)
                for (n, (place, text, mention)) in places.enumerated() {
                    var relation: String?
                    var partial = n == 0 && (partOfFirst || roadPart || sceneObject)
                    if let mention {
                        let (r, p) = self.relation(before: mentions[mention].tokens.lowerBound, in: range)
                        relation = r; partial = partial || p
                        // "took over the Mosul dam": a facility named for the place, which the
                        // gazetteer does not hold, is somewhere near it, not the place.
                        if relation == nil, let facility = facility(after: mentions[mention].tokens, kind: mentionKinds[mention], in: range) {
                            // "on the Palmyra highway": somewhere on the road to the place.
                            relation = Document.roadNouns.contains(Lexicon.hash(facility)) ? "on the \(facility) to" : "at the \(facility) of"
                        }
                    }
                    events.append(Event(actor: actor, action: trigger.action, place: place, placeText: text, relation: relation,
                                        isPartial: partial, target: target, date: date, dateText: dateText, quote: quote,
                                        document: report.document, outlet: report.outlet, placeNote: place.kind == .road && mention == nil ? place.note : nil))
                }
                if trigger.action == .strike { lastStriker = actor }
                lastActor = (actor, s)
            }
        }
        return events
    }

    static let subjectPronouns = WordSet(["they", "he", "she", "it", "we"])
    static let roadNouns = WordSet(["road", "highway", "motorway", "route"])
    /// Words between a road and its ends: "highway running from X downstream to the city of Y".
    static let roadWords = WordSet(["running", "leading", "linking", "connecting", "that", "which", "runs", "leads", "links",
                                    "connects", "from", "between", "to", "and", "the", "city", "town", "village", "of",
                                    "downstream", "upstream", "north", "south", "east", "west", "main"])

    /// A road the text names by its two ends after token `first` (the mentions `candidates`,
    /// in text order): "a main highway running from X downstream to the city of Y", "the
    /// road between X and Y", "the X–Y highway". The gazetteer holds no such roads, so the
    /// road is a place of its own, drawn at the geodesic midpoint of its ends (its course is
    /// unknown; the note says so). Returns the road, its words and its noun's token.
    func road(from first: Int, to end: Int, mentions candidates: [Int]) -> (Place, String, Int)? {
        // Mentions by index, as in `findEvents`: copying one copies a Place.
        guard candidates.count >= 2 else { return nil }
        let ends = candidates.filter { mentions[$0].place.kind.isSettlement }
        guard ends.count >= 2 else { return nil }
        // "the X–Y highway"
        for (a, b) in zip(ends, ends.dropFirst()) {
            let ta = mentions[a].tokens, tb = mentions[b].tokens
            guard tb.lowerBound == ta.upperBound + 1, tokens[tb.lowerBound].gapBefore == .hyphen, ta.lowerBound <= first + 3 else { continue }
            let noun = tb.upperBound + 1
            if noun < end, Document.roadNouns.contains(lower[noun]) {
                return (roadPlace(mentions[a].place, mentions[b].place, noun: word(noun)), string(bytes: tokens[ta.lowerBound].start..<tokens[noun].end), noun)
            }
        }
        // "highway running from X to Y", "road between X and Y"
        guard let noun = (first..<min(end, first + 6)).first(where: { Document.roadNouns.contains(lower[$0]) }),
              let a = ends.first(where: { mentions[$0].tokens.lowerBound > noun }),
              let b = ends.first(where: { mentions[$0].tokens.lowerBound > mentions[a].tokens.upperBound }) else { return nil }
        let ta = mentions[a].tokens, tb = mentions[b].tokens
        guard ta.lowerBound <= noun + 4, tb.lowerBound <= ta.upperBound + 6 else { return nil }
        let toA = (noun + 1)..<ta.lowerBound, toB = (ta.upperBound + 1)..<tb.lowerBound
        guard toA.allSatisfy({ Document.roadWords.contains(lower[$0]) }), toB.allSatisfy({ Document.roadWords.contains(lower[$0]) }) else { return nil }
        let fromTo = toA.contains { lower[$0] == Word.from } && toB.contains { lower[$0] == Word.to }
        let between = toA.contains { lower[$0] == Word.between } && toB.contains { lower[$0] == Word.and }
        guard fromTo || between else { return nil }
        return (roadPlace(mentions[a].place, mentions[b].place, noun: word(noun)), string(bytes: tokens[noun].start..<tokens[tb.upperBound].end), noun)
    }

    /// The road between two places, at the geodesic midpoint of its ends.
    func roadPlace(_ a: Place, _ b: Place, noun: String) -> Place {
        let line = Geodesic.wgs84.inverse(from: a.coordinate, to: b.coordinate)
        let middle = Geodesic.wgs84.direct(from: a.coordinate, azimuth: line.initialAzimuth, distanceMeters: line.distanceMeters / 2).destination
        let km = Int((line.distanceMeters / 1000).rounded())
        return Place(id: "road:\(a.id)~\(b.id)", name: "\(a.name)–\(b.name) \(noun.lowercased())", kind: .road, coordinate: middle,
                     precision: .approximate, province: a.province == b.province ? a.province : nil,
                     country: a.country == b.country ? a.country : nil, source: "the report, which names the road by its ends",
                     note: "Not in the gazetteer: the \(noun.lowercased()) the report names from \(a.name) to \(b.name), placed at the geodesic midpoint of the two (\(km) km apart); its course is not known.")
    }

    /// "the industrial zone", "the military airport", "the airport" between two tokens.
    func genericPlace(in range: Range<Int>, from: Int, to: Int, resolve: (String) -> Place?) -> (Place, String)? {
        let phrases = Document.genericPhrases, firstWords = Document.genericFirstWords
        var i = from
        while i < to {
            // Most words start no phrase: the phrases are tried only at one that does.
            guard firstWords.contains(lower[i]) else { i += 1; continue }
            for (text, words) in phrases where i + words.count <= to {
                if words.indices.allSatisfy({ lower[i + $0] == words[$0] }) {
                    if let place = resolve(text) { return (place, string(bytes: tokens[i].start..<tokens[i + words.count - 1].end)) }
                }
            }
            i += 1
        }
        return nil
    }

    /// "the city", "the town's" in tokens `from..<to` (not "the city of", which names its
    /// city): the settlement of that kind the report named last before it, the words, and
    /// whether they are a possessive (part of the settlement: "the city's stadium").
    func settlementNamedBefore(from: Int, to: Int) -> (PlaceMention, String, Bool)? {
        var k = from
        while k + 1 < to {
            if lower[k] == Word.the, Document.settlementNouns.contains(lower[k + 1]), let kinds = Document.genericNouns[lower[k + 1]] {
                let possessive = k + 2 < tokens.count && tokens[k + 2].gapBefore == .apostrophe && lower[k + 2] == Word.s
                if !possessive, k + 2 < tokens.count, lower[k + 2] == Word.of || tokens[k + 2].gapBefore == .space && tokens[k + 2].initial == .upper { return nil }
                // Not a dateline's city ("MOSCOW —"): where the report was filed.
                guard let m = mentions.last(where: { $0.tokens.upperBound < k && kinds.contains($0.place.kind) && !isDateline($0) }) else { return nil }
                let last = possessive ? k + 2 : k + 1
                // "60 percent of the city", "parts of the town": part of it.
                let part = k >= 2 && lower[k - 1] == Word.of && Document.partWords.contains(lower[k - 2])
                return (m, string(bytes: tokens[k].start..<tokens[last].end) + " (" + m.span.text + ")", possessive || part)
            }
            k += 1
        }
        return nil
    }

    /// Generic references and their words' hashes.
    static let genericPhrases: [(String, [UInt64])] = [["industrial", "zone"], ["military", "airport"], ["airport"], ["airbase"], ["air", "base"]]
        .map { ($0.joined(separator: " "), $0.map(Lexicon.hash)) }
    static let genericFirstWords = WordSet(hashes: genericPhrases.map { $0.1[0] })

    /// Words before "of X" that make an event about part of X only.
    static let partWords = WordSet(["part", "parts", "some", "much", "most", "half", "percent", "areas", "sections", "pockets",
                                    "neighbourhoods", "neighborhoods", "districts", "villages"])
    /// Nouns that count ground rather than name it ("93 villages", "250 km2").
    static let groundCounts = WordSet(["villages", "towns", "hamlets", "areas", "positions", "locations", "neighbourhoods",
                                       "neighborhoods", "districts", "hills", "km2", "sqkm", "km²"])
    static let quantityWords = WordSet(["several", "many", "dozens", "hundreds", "scores", "numerous", "few"])

    /// The last token of an amount of ground right after token `first` ("roughly 250 km2",
    /// "93 villages", "several square kilometres"): what an action took when it took part
    /// of a place rather than the place.
    func groundAmount(from first: Int, in range: Range<Int>) -> Int? {
        var k = first
        while k < range.upperBound, Lexicon.hedges.contains(lower[k]) || Lexicon.determiners.contains(lower[k]) || lower[k] == Word.than { k += 1 }
        guard k + 1 < range.upperBound, tokens[k].initial == .digit || Document.quantityWords.contains(lower[k]) else { return nil }
        if Document.groundCounts.contains(lower[k + 1]) { return k + 1 }
        if k + 2 < range.upperBound, lower[k + 1] == Word.square || lower[k + 1] == Word.sq, Document.units[lower[k + 2]] == 1000 { return k + 2 }
        return nil
    }

    /// The words just before a place that make it a reference point rather than the
    /// place itself ("east of", "30 km away from", "over the border from"), and those that
    /// make an event about part of it ("parts of", "some of").
    func relation(before first: Int, in range: Range<Int>) -> (String?, Bool) {
        var k = first - 1
        while k >= range.lowerBound, Lexicon.determiners.contains(lower[k]) { k -= 1 }
        guard k >= range.lowerBound else { return (nil, false) }
        // "just over the border from Syria's Deir Ezzor": the possessor is not the place.
        if k - 2 >= range.lowerBound, lower[k] == Word.s, tokens[k].gapBefore == .apostrophe {
            k -= 2
            while k >= range.lowerBound, Lexicon.determiners.contains(lower[k]) { k -= 1 }
            guard k >= range.lowerBound else { return (nil, false) }
        }
        // "parts of X", "some of X", "most of X", "250 km2 of X": part of the place.
        if lower[k] == Word.of, k - 1 >= range.lowerBound, Document.partWords.contains(lower[k - 1]) || Document.areaUnits.contains(lower[k - 1]) {
            return (nil, true)
        }
        // "over the border from X", "across the border from X": next to the place, not in it.
        if lower[k] == Word.from || lower[k] == Word.with, k - 1 >= range.lowerBound, lower[k - 1] == Word.border {
            var start = k - 1
            if start - 1 >= range.lowerBound, lower[start - 1] == Word.the { start -= 1 }
            if start - 1 >= range.lowerBound, lower[start - 1] == Word.over || lower[start - 1] == Word.across { start -= 1 }
            return (string(bytes: tokens[start].start..<tokens[k].end), false)
        }
        if lower[k] == Word.of || lower[k] == Word.from {
            var start = k - 1
            guard start >= range.lowerBound else { return (nil, false) }
            if lower[start] == Word.away { start -= 1 }
            guard start >= range.lowerBound else { return (nil, false) }
            if Document.compass.contains(lower[start]) {
                if start - 1 >= range.lowerBound, tokens[start].gapBefore == .hyphen, Document.compass.contains(lower[start - 1]) { start -= 1 }
                return (string(bytes: tokens[start].start..<tokens[k].end), false)
            }
            if Document.units[lower[start]] != nil, start - 1 >= range.lowerBound, tokens[start - 1].initial == .digit {
                return (string(bytes: tokens[start - 1].start..<tokens[k].end), false)
            }
        }
        return (nil, false)
    }

    /// The facility a place's name qualifies right after it ("the Mosul dam", "Kweires
    /// airport") when the place is not of that kind: the words naming the facility.
    /// `name` is the tokens of the place's name, `kind` the place's kind.
    func facility(after name: ClosedRange<Int>, kind: PlaceKind, in range: Range<Int>) -> String? {
        let k = name.upperBound + 1
        guard k < range.upperBound, tokens[k].gapBefore == .space, let kinds = Document.facilityNouns[lower[k]],
              !kinds.contains(kind) else { return nil }
        // Two-word facilities: "oil field", "air base", "power station", "gas plant".
        if k + 1 < range.upperBound, tokens[k + 1].gapBefore == .space, Document.facilitySecondWords.contains(lower[k + 1]) {
            return string(bytes: tokens[k].start..<tokens[k + 1].end).lowercased()
        }
        guard !Document.facilityFirstWords.contains(lower[k]) else { return nil }
        return word(k).lowercased()
    }

    /// Facilities named after a place, and the kinds of place that are the facility itself.
    static let facilityNouns = WordMap<[PlaceKind]>([
        ("dam", [.dam]), ("airport", [.airport]), ("airbase", [.airport, .base]), ("base", [.base]), ("oilfield", [.oilField]),
        ("oilfields", [.oilField]), ("refinery", [.oilField]), ("bridge", [.road]), ("prison", []), ("hospital", []),
        ("university", []), ("stadium", []), ("silos", []), ("checkpoint", []), ("garrison", [.base]), ("oil", [.oilField]),
        ("gas", [.gasField]), ("air", [.airport, .base]), ("power", []), ("military", [.airport, .base]), ("cement", []),
        ("highway", [.road]), ("road", [.road]), ("motorway", [.road]),
    ].map { (Lexicon.hash($0.0), $0.1) })
    /// First words that name a facility only with a second ("oil field", not "oil").
    static let facilityFirstWords = WordSet(["oil", "gas", "air", "power", "military", "cement"])
    static let facilitySecondWords = WordSet(["field", "fields", "base", "station", "plant", "airport", "factory", "works"])

    /// What `Event.dateText` says when no words of the report dated the event.
    static let reportDateText = "report date"

    /// Pronouns that open a sentence continuing the one before ("He said his forces...").
    static let backReferences = WordSet(["he", "she", "they", "it", "we", "his", "her", "their", "its"])

    /// The date of an event at token `token` of sentence `s`: the nearest date expression in
    /// the sentence; else the one the sentence just before gives, when this one continues it
    /// (same paragraph, or opening with a pronoun that points back); else the report's date
    /// at its own precision, at least a week (the event happened on or before it). A day
    /// named further back dates nothing here: between it and this sentence the report may
    /// have moved on to other days.
    ///
    /// `cache` holds each sentence's usable dates once found: a sentence is asked once per
    /// event in it and in the sentence after it.
    func eventDate(sentence s: Int, near token: Int, cache: inout [[DateExpression]?]) -> (ReportedDate?, String) {
        func usableDates(_ s: Int) -> [DateExpression] {
            if let known = cache[s] { return known }
            let since = Word.since, until = Word.until
            let found = dates(inSentence: s).filter { e in
                let b = e.tokens.lowerBound - 1
                return !(b >= 0 && (lower[b] == since || lower[b] == until))
            }
            cache[s] = found
            return found
        }
        // A relative clause after a comma tells of another time ("struck Hajin, which the SDF
        // took in October,"): its dates are its own events', never the rest of the sentence's.
        // An event in the clause with no date there takes the sentence's ("said last week
        // that ..., where troops recently broke the siege").
        var here = usableDates(s)
        if !here.isEmpty {
            let clauses = relativeClauses(in: tokenRange(ofSentence: s))
            if !clauses.isEmpty {
                let clause = clauses.first { $0.contains(token) }
                let same = here.filter { e in clauses.first { $0.contains(e.tokens.lowerBound) } == clause }
                if clause == nil || !same.isEmpty { here = same }
            }
        }
        // The nearest date; of two as near, the more precise ("last month when troops took
        // the city on the 14th of October").
        if let nearest = here.min(by: { a, b in
            let da = abs(a.tokens.lowerBound - token), db = abs(b.tokens.lowerBound - token)
            return da != db ? da < db : a.date.precision < b.date.precision
        }) {
            return (nearest.date, nearest.text)
        }
        if continuesPreviousSentence(s), let previous = usableDates(s - 1).last {
            return (previous.date, previous.text)
        }
        guard let published = report.published else { return (nil, "undated") }
        return (ReportedDate(day: published.day, precision: max(published.precision, .week)), Document.reportDateText)
    }

    /// The relative clauses set off by a comma in a sentence's tokens: from "which", "who",
    /// "whom" or "where" after a comma to the next comma, semicolon, dash or bracket, or the
    /// sentence's end.
    func relativeClauses(in range: Range<Int>) -> [Range<Int>] {
        var clauses: [Range<Int>] = []
        let commas = Document.commas, clauseBreaks = Document.clauseBreaks
        var k = range.lowerBound + 1
        while k < range.upperBound {
            guard wordClasses[k].contains(.relativeWord), gap(before: k, has: commas) else { k += 1; continue }
            var end = k + 1
            while end < range.upperBound, !gap(before: end, has: clauseBreaks) { end += 1 }
            clauses.append(k..<end)
            k = end
        }
        return clauses
    }

    static let relativeWords = WordSet(["which", "who", "whom", "where"])
    static let commas: [UInt8] = [UInt8(ascii: ",")]
    /// Commas, semicolons, brackets and the bytes of dashes (– —: E2 80 93/94).
    static let clauseBreaks: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "("), UInt8(ascii: ")"), 0x93, 0x94]

    /// Whether the text between token `k` and the one before holds one of `bytes`.
    func gap(before k: Int, has bytes: [UInt8]) -> Bool {
        guard k > 0, tokens[k].gapBefore == .other else { return false }
        for i in tokens[k - 1].end..<tokens[k].start where bytes.contains(text[i]) { return true }
        return false
    }

    /// Whether sentence `s` goes on from the one before it: in the same paragraph, or the
    /// first word is a pronoun pointing back to it.
    func continuesPreviousSentence(_ s: Int) -> Bool {
        guard s > 0, !layout.sentences[s - 1].isTitle else { return false }
        if layout.sentences[s].paragraph == layout.sentences[s - 1].paragraph { return true }
        let range = tokenRange(ofSentence: s)
        return !range.isEmpty && Document.backReferences.contains(lower[range.lowerBound])
    }

    /// Whether `place` lies within `area`: the same place, or in the province or the country
    /// `area` is.
    static func isPlace(_ place: Place, within area: Place) -> Bool {
        if place.id == area.id { return true }
        switch area.kind {
        case .province: return place.province != nil && place.province == area.province
        case .country: return place.country != nil && place.country == area.country
        default: return false
        }
    }
}
