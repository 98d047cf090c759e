// bench/workload.ts
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = a + 1831565813 >>> 0;
    let t = a;
    t = Math.imul(t ^ t >>> 15, t | 1);
    t ^= t + Math.imul(t ^ t >>> 7, t | 61);
    return ((t ^ t >>> 14) >>> 0) / 4294967296;
  };
}
var FIRST = "Lynn Marcus Priya Daniel Sofia Ahmed Grace Oliver Hannah Mateo Chloe Ethan Amara Lucas Isla Noah Zara Leo Maya Owen Ava Felix Nora Ravi Elena Tom Chen Fatima Jonas Leah Diego Imogen Kwame Ines Samuel Aisha Hugo Clara Yusuf Freya Gabriel Mei Arjun Ruth Callum Nadia Tobias Erin Malik Sienna Jon Keiko Pablo Bethany Idris Harriet Luca Rosa Desmond Anya Patrick Lena Omar Tessa Victor Jade Kofi Alice Ivan Naomi".split(" ");
var LAST = "Carter Nguyen Okafor Patel Schmidt Rossi Walsh O'Rourke Fernandez Kim Hughes Mensah Larsen Dubois Kowalski Silva Bennett Haddad Moreno Fraser Ivanova Tanaka Osei Lindqvist Murphy Cohen Abebe Gallagher Novak Reyes Sato Byrne Petrov Quinn Adeyemi Horvat Mackenzie Romero Fischer Delgado Price Whitfield Yamamoto Brennan Eriksen Costa Achebe Sharma Lowe Stewart McAllister Varga Ortiz Jensen".split(" ");
var ADJ = "Blue Golden Silver Bright Quiet Northern Coastal Urban Green Crimson Summit Cedar Harbor Maple Oak Willow Pine Riverside Lakeside Sunrise Evergreen Copper Ivory Granite Meadow Prairie Highland Valley Canyon Aspen Birch Coral Amber Sterling Hudson Atlas Beacon Crescent Horizon Juniper Linden Magnolia Orchard Pioneer Redwood Sage Solstice Tidewater Westfield Windmill".split(" ");
var NOUN = "Harbor Ridge Bay Field Grove Point Stone Bridge Creek Peak Lane Garden Hill Brook Forge Works Studio House Collective Partners Labs Supply Trading Kitchen Table Press Loft Yard Mill".split(" ");
var TRADE = "Dental Spas Bakery Fitness Realty Florists Coffee Printing Dentistry Wellness Vets Law Accounting Design Builders Landscaping Salon Clinic Catering Photography Yoga Physio Optics Tutoring Interiors Roasters Brewing Cleaning Plumbing Logistics".split(" ");
var SENDERS = ["Marco", "Dana", "Sam", "Alex", "Robin", "Jordan", "Casey", "Morgan"];
var HONORIFICS = ["Mr", "Ms", "Mrs", "Dr", "Mx", "none"];
var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
var WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
var TERMS = ["GlowPass", "FreshStart Plan", "SmileCare Plus", "PrintPerfect", "BrewClub", "FitFlex", "PetPal Plan", "CleanSweep Pro", "SnapBook", "LeafLine"];
function buildWorkload() {
  const rand = prng(20260322);
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const digits = (n) => Array.from({ length: n }, (_, i) => String(i === 0 ? 1 + Math.floor(rand() * 9) : Math.floor(rand() * 10))).join("");
  const clients = [];
  const usedNames = /* @__PURE__ */ new Set();
  for (let c = 0; c < 1e3; c++) {
    let name = "";
    do
      name = `${pick(ADJ)} ${pick(NOUN)} ${pick(TRADE)}`;
    while (usedNames.has(name));
    usedNames.add(name);
    const slug = name.toLowerCase().replace(/[^a-z]+/g, "");
    const contacts = Array.from({ length: 3 }, () => {
      const first = pick(FIRST);
      const last = pick(LAST);
      return {
        name: `${first} ${last}`,
        honorific: pick(HONORIFICS),
        email: `${first.toLowerCase()}.${last.toLowerCase().replace(/'/g, "")}@${slug}.com`
      };
    });
    const facts2 = [
      { kind: "short_code", value: digits(5), label: "SMS short code" },
      { kind: "phone", value: `+1 (${digits(3)}) ${digits(3)}-${digits(4)}`, label: "main line" },
      { kind: "url", value: `https://${slug}.com/${pick(["book", "order", "account", "menu", "pay"])}`, label: "booking page" },
      { kind: "identifier", value: `ACC-${digits(5)}`, label: "account number" }
    ];
    if (c % 2 === 0) facts2.push({ kind: "price", value: `$${digits(1)},${digits(3)}`, label: "annual plan" });
    const aliases = c % 3 === 0 ? [name.split(" ").slice(0, 2).join(" ")] : [];
    clients.push({ id: `client-${c}`, name, aliases, contacts, facts: facts2 });
  }
  const clientFacts = clients.reduce((n, c) => n + c.facts.length, 0);
  const facts = [];
  for (let f = 0; clientFacts + facts.length < 5e3; f++) {
    if (f % 2 === 0) facts.push({ kind: "identifier", value: `PO-${digits(6)}`, label: "purchase order" });
    else if (f % 5 === 1) facts.push({ kind: "term", value: TERMS[f % TERMS.length], label: "product name" });
    else facts.push({ kind: "price", value: `$${digits(3)}.${digits(2)}`, label: "list price" });
  }
  const rules = [];
  const PHRASES = ["per my last email", "as previously stated", "no worries at all", "just circling back", "to be honest", "cheapest option", "unfortunately we cannot", "as I already said", "you should have", "our policy clearly states", "final warning", "not our fault", "calm down", "obviously", "as you know", "with all due respect"];
  for (let r = 0; r < 500; r++) {
    const scoped = r >= 200;
    const clientId = scoped ? clients[Math.floor(rand() * clients.length)].id : void 0;
    const lesson = `Lesson MG-${100 + r}`;
    const kind = r % 10 < 6 ? "forbidden" : r % 10 < 8 ? "pattern" : "required";
    if (kind === "forbidden") {
      const phrase = r < PHRASES.length ? PHRASES[r] : `${pick(["our", "the", "your"])} ${pick(["old", "legacy", "beta", "trial", "draft"])} ${pick(["portal", "pricing", "logo", "schedule", "menu", "app", "plan"])} ${r}`;
      rules.push({ kind, phrase, message: `${lesson}: do not write \u201C${phrase}\u201D.`, ...clientId && { clientId } });
    } else if (kind === "pattern") {
      const pattern = pick(["\\bASAP\\b", `\\bcode ${digits(2)}\\d{2}\\b`, `\\$\\d+ off ${pick(["today", "now", "everything"])}\\b`, `\\bguarantee(?:d)? ${pick(["results", "delivery", "refund"])}\\b`, `\\b(?:urgent|URGENT)!{2,}`]);
      rules.push({ kind, pattern, message: `${lesson}: pattern ${r}.`, ...clientId && { clientId } });
    } else {
      rules.push({ kind, phrase: "Reply STOP to opt out", when: `Text ${pick(["KESTREL", "JOIN", "DEALS", "VIP"])}`, message: `${lesson}: opt-out line.`, ...clientId && { clientId } });
    }
  }
  const knowledge2 = {
    locale: "en-US",
    clients,
    facts,
    vocabulary: ["Handwrytten", "Calendly", "Klaviyo", "makegood", ...SENDERS],
    rules
  };
  const today = "2026-03-02";
  const emails2 = [];
  const TYPOS = [
    ["receive", "recieve"],
    ["schedule", "schedual"],
    ["definitely", "definately"],
    ["separate", "seperate"],
    ["tomorrow", "tommorow"],
    ["appreciate", "apreciate"],
    ["apologies", "Ap0logies"],
    ["accommodate", "accomodate"]
  ];
  for (let e = 0; e < 1e3; e++) {
    const client = clients[Math.floor(rand() * clients.length)];
    const contact = client.contacts[Math.floor(rand() * client.contacts.length)];
    const [first, ...rest] = contact.name.split(" ");
    const last = rest[rest.length - 1];
    const fact = (kind) => client.facts.find((f) => f.kind === kind)?.value ?? "";
    const day = 1 + Math.floor(rand() * 28);
    const month = 2 + Math.floor(rand() * 6);
    const realWeekday = new Date(Date.UTC(2026, month, day)).getUTCDay();
    const weekday = rand() < 0.05 ? WEEKDAYS[(realWeekday + 1) % 7] : WEEKDAYS[realWeekday];
    let code = fact("short_code");
    if (rand() < 0.05) code = code.slice(0, 2) + code[3] + code[2] + code.slice(4);
    const greeting = contact.honorific && contact.honorific !== "none" && rand() < 0.4 ? `Dear ${rand() < 0.05 ? "Mr" : contact.honorific} ${last},` : `Hi ${rand() < 0.04 ? first.slice(0, -1) : first},`;
    const other = rand() < 0.03 ? clients[Math.floor(rand() * clients.length)].name : client.name;
    const sentences = [
      `Thank you for getting back to us so quickly about the changes to the ${pick(["spring", "summer", "holiday", "launch"])} campaign for ${other}.`,
      `We have updated the booking page at ${fact("url")} and the team has tested it on both mobile and desktop.`,
      `Customers can now text ${pick(["JOIN", "VIP", "DEALS"])} to ${code} to get reminders, and we will send the first message on ${weekday}, ${MONTHS[month]} ${day}, 2026.`,
      `If anything looks off, please call us on ${fact("phone")} or reply to this email and we will fix it the same day.`,
      `Your account number is ${fact("identifier")}, which you will need when you log in to the dashboard for the first time.`,
      `We also reviewed the onboarding checklist with your team and moved the kickoff call to ${pick(["Tuesday", "Wednesday", "Thursday"])} afternoon so that everyone can attend.`,
      `The new menu photos are ready, and the designer has adjusted the colours to match the brand guide you shared last week.`,
      `I have attached the revised schedule together with the invoice for the first month of the annual plan.`,
      `As agreed, the first month is free of charge while we make sure everything works the way you expect.`,
      `Let me know if you would like us to walk your staff through the new workflow on a short Zoom call.`,
      `We really appreciate your patience while we sorted out the issue with the reminder texts last month.`,
      `Our goal is to make sure that every customer gets the right message at the right time, without any surprises.`
    ];
    const body = [];
    let words2 = 0;
    let k = Math.floor(rand() * sentences.length);
    while (words2 < 140) {
      let s = sentences[k % sentences.length];
      if (rand() < 0.1) {
        const [right, wrong] = pick(TYPOS);
        s = s.includes(right) ? s.replace(right, wrong) : `${s} We ${wrong === "recieve" ? "recieve" : "appreciate"} your feedback.`;
      }
      body.push(s);
      words2 += s.split(/\s+/).length;
      k++;
    }
    if (rand() < 0.01) body.push("Please confirm the [Client Name] details before Friday.");
    const text = `${greeting}

${body.slice(0, 3).join(" ")}

${body.slice(3).join(" ")}

Best regards,
${pick(SENDERS)}
`;
    emails2.push({ clientId: client.id, text, attachments: rand() < 0.1 ? 0 : 1 });
  }
  return { knowledge: knowledge2, emails: emails2, date: today };
}

// src/engine/apology/triggers.ts
var COMMON = new Set(
  "the and you your our for with that this was were have has had been are will not but all any can one two his her they them their from into about what when which who how its it's than then there here also just only very more some out get got now new did does done".split(
    " "
  )
);
var COMMON2 = new Set("to of in on at is it be by as or an if so do no up we he go am".split(" "));

// src/engine/apology/text.ts
var SPECIAL = /[\u2018\u2019\u201A\u201B\u2032\u00B4\u02BC\u201C\u201D\u201E\u201F\u2033\u2013\u2014\u2212]/;
var SPECIAL_ALL = new RegExp(SPECIAL.source, "g");
function words(alternatives) {
  return `(?:${alternatives.join("|")})`;
}

// src/engine/apology/lexicon.ts
var FIRST_PERSON_SUBJECT = words([
  "i",
  "we",
  "my team",
  "our team",
  "our (?:office|staff|agency|studio|company|firm|shop|practice|department|billing team|accounts team|accounts department|finance team|design team|dev team|development team|support team|engineers|developers|designers|side)"
]);
var AUX = `(?:'ve|'d| have| had| also| then| just| somehow| clearly| obviously| completely| totally| simply| originally| initially| unfortunately| foolishly| carelessly| really| actually| apparently| evidently| mistakenly| accidentally| inadvertently| wrongly| incorrectly| erroneously| unknowingly| stupidly)*`;
var FAULT_VERBS = words([
  "mis(?:spell|spelt|spelled|read|understood|understand|quoted|label(?:l)?ed|calculated|addressed|directed|filed|placed|handled|judged|named|printed|typed|stated|reported|routed|configured|interpreted|heard|pronounced|gendered|titled|dated|keyed|priced|sent)\\w*",
  "mixed up",
  "mixed (?:\\w+ ){1,3}up",
  "swapped",
  "transposed",
  "addressed (?:you|your \\w+) as",
  "(?:took|knocked|brought|put) (?:\\w+ ){0,3}offline",
  "let (?:\\w+ ){0,2}(?:sit|slip|slide|lapse)",
  "confused",
  "over-?charged",
  "under-?charged",
  "over-?billed",
  "double-?(?:booked|charged|billed|invoiced|sent|counted)",
  "triple-?booked",
  "deleted",
  "lost",
  "broke",
  "dropped the ball",
  "dropped",
  "messed (?:up|this up|that up|it up)",
  "goofed",
  "fell short",
  "fell down on",
  "blundered",
  "fumbled",
  "flubbed",
  "screwed (?:up|this up|it up)",
  "slipped up",
  "fouled up",
  "botched",
  "bungled",
  "blew (?:it|the deadline)",
  "forgot",
  "missed",
  "overlooked",
  "neglected",
  "failed",
  "let (?:you|your team|you all|this|it|that) (?:down|slip|fall through the cracks|fall through)",
  "got (?:\\w+ ){0,4}wrong",
  "made (?:a|an|the|this|that|two|three|several|some|a couple of|a few|a big|a serious|a careless|an embarrassing|a silly|a real) ?(?:\\w+ )?(?:mistakes?|errors?|typos?|blunders?|mess|mistake)",
  "caused",
  "introduced (?:a|the|this) (?:bug|error|problem|fault|regression)",
  "leaked",
  "exposed",
  "overwrote",
  "wiped",
  "corrupted",
  "ignored",
  "skipped",
  "left (?:\\w+ ){0,3}(?:out|off)",
  "omitted",
  "did not (?:check|verify|confirm|catch|proofread|test|review|notice|follow|read|update|send|deliver|tell|flag|reply|respond|ask|double-check|include|attach|submit|finish|complete|save|back up)",
  "didn't (?:check|verify|confirm|catch|proofread|test|review|notice|follow|read|update|send|deliver|tell|flag|reply|respond|ask|double-check|include|attach|submit|finish|complete|save|back up)",
  "never (?:sent|checked|confirmed|replied|responded|followed up|updated|told|delivered|received|got back)"
]);
var NEUTRAL_VERBS = words([
  "sent",
  "took",
  "gave",
  "quoted",
  "billed",
  "charged",
  "invoiced",
  "printed",
  "booked",
  "scheduled",
  "used",
  "attached",
  "shared",
  "uploaded",
  "published",
  "posted",
  "entered",
  "typed",
  "wrote",
  "put",
  "copied",
  "pasted",
  "added",
  "included",
  "listed",
  "addressed",
  "called",
  "named",
  "emailed",
  "mailed",
  "ran",
  "shipped",
  "delivered",
  "applied",
  "set",
  "pulled",
  "linked",
  "label(?:l)?ed",
  "spelled",
  "spelt",
  "calculated",
  "built",
  "designed",
  "translated",
  "submitted",
  "filed",
  "ordered",
  "showed",
  "displayed",
  "launched",
  "released",
  "deployed",
  "pushed",
  "configured",
  "updated",
  "changed",
  "removed",
  "processed",
  "issued",
  "forwarded",
  "paid",
  "transferred",
  "imported",
  "exported",
  "synced",
  "merged",
  "assigned",
  "reserved",
  "told",
  "referred to",
  "loaded",
  "cc'd",
  "cced",
  "ccd",
  "copied in",
  "gave you",
  "went ahead",
  "approved",
  "priced",
  "dated",
  "stated",
  "wrote down",
  "provided",
  "filled in",
  "recorded",
  "inserted"
]);
var WRONG_MARKER = words([
  "wrong",
  "incorrect(?:ly)?",
  "inaccurate(?:ly)?",
  "outdated",
  "out-of-date",
  "out of date",
  "old",
  "previous (?:version|draft|file|template|rates?|prices?|address|year)",
  "earlier (?:version|draft)",
  "unapproved",
  "unfinished",
  "draft",
  "by mistake",
  "in error",
  "by accident",
  "accidentally",
  "mistakenly",
  "twice",
  "two times",
  "double",
  "instead of",
  "rather than",
  "without (?:checking|confirming|asking|testing|approval|your approval|reviewing|proofreading|double-checking|telling you|your sign-off)",
  "late",
  "too (?:early|soon|late)",
  "before (?:it|they) (?:was|were) (?:ready|approved|signed off)",
  "last (?:year|month|week|season|quarter)'s",
  "another client",
  "a different (?:client|person|customer|contact|address|company)",
  "someone else",
  "the other (?:client|customer|company)",
  "not the",
  "never",
  "older",
  "when you (?:needed|wanted|asked for|had asked for|requested|expected)",
  "before (?:you|the client) (?:had )?(?:approved|signed off|confirmed|agreed)",
  "before the (?:embargo|deadline|launch|approval|sign-off|go-ahead)",
  "without (?:a|any) (?:final |proper |full |second )?(?:test|check|review|proofread)"
]);
var WRONG_ADVERB = words([
  "accidentally",
  "mistakenly",
  "wrongly",
  "inadvertently",
  "incorrectly",
  "erroneously",
  "carelessly",
  "unknowingly"
]);
var FAULT_NOUNS = words([
  "mistakes?",
  "errors?",
  "fault",
  "oversights?",
  "blunders?",
  "carelessness",
  "slip(?:-up)?",
  "mix-?ups?",
  "failures?",
  "bad",
  "miss",
  "lapse",
  "doing",
  "typos?",
  "screw-?up",
  "mess-?up",
  "negligence"
]);
var REPAIR_BASE = words([
  "fix",
  "correct",
  "re-?send",
  "re-?issue",
  "re-?do",
  "redo",
  "re-?print",
  "re-?run",
  "re-?book",
  "re-?schedule",
  "re-?deliver",
  "re-?ship",
  "re-?upload",
  "re-?publish",
  "re-?submit",
  "refund",
  "credit",
  "reimburse",
  "compensate",
  "replace",
  "restore",
  "recover",
  "repair",
  "amend",
  "revise",
  "update",
  "cover",
  "waive",
  "absorb",
  "pay for",
  "rebuild",
  "undo",
  "reverse",
  "cancel",
  "remove",
  "retract",
  "rectify",
  "remedy",
  "sort (?:it|this|that) out",
  "swap (?:it|them|this|that)",
  "exchange (?:it|them|this|that)",
  "re-?direct",
  "re-?route",
  "finish (?:it|them|this|the \\w+)",
  "complete (?:it|them|the rest|the remaining)",
  "deliver (?:it|them|this|the \\w+) (?:myself|personally|today|tonight|tomorrow|now)",
  "re-?write",
  "re-?file",
  "re-?order",
  "re-?make",
  "re-?draft",
  "re-?record",
  "re-?shoot",
  "re-?test",
  "re-?build",
  "honou?r (?:the|your|that|our|this) (?:lower|original|quoted|agreed|old|earlier)",
  "confirm (?:the )?(?:real|correct|right|actual|proper)",
  "send (?:you )?(?:a|the) (?:\\w+ )?correction",
  "put (?:it|this|that|things) right",
  "make (?:it|this|that|things) (?:right|up to you)",
  "make amends",
  "make good",
  "send (?:you )?(?:over )?(?:a|the|an) (?:correct(?:ed)?|right|revised|updated|new|fixed|final|accurate|proper|replacement)",
  "issue (?:you )?(?:a|the|an) (?:correct(?:ed)?|revised|updated|new|credit|refund|replacement)",
  "get (?:you )?(?:a|the) (?:correct(?:ed)?|revised|updated|new|fixed|right|replacement)",
  "deliver (?:a|the) (?:correct(?:ed)?|revised|updated|new|fixed|right|full)",
  "personally (?:fix|correct|redo|handle|re-?send)",
  "not (?:charge|bill|invoice) you",
  "take care of the (?:cost|reprint|fee|charges?)"
]);
var REPAIR_PAST = words([
  "fixed",
  "corrected",
  "re-?sent",
  "re-?issued",
  "re-?done",
  "re-?printed",
  "re-?run",
  "re-?booked",
  "re-?scheduled",
  "re-?delivered",
  "re-?shipped",
  "re-?uploaded",
  "re-?published",
  "re-?submitted",
  "refunded",
  "credited",
  "reimbursed",
  "compensated",
  "replaced",
  "restored",
  "recovered",
  "repaired",
  "amended",
  "revised",
  "updated",
  "covered",
  "waived",
  "absorbed",
  "rebuilt",
  "reversed",
  "cancel(?:l)?ed",
  "removed",
  "retracted",
  "rectified",
  "remedied",
  "sorted",
  "resolved",
  "reinstated",
  "unpublished",
  "voided",
  "rolled back",
  "redirected",
  "rerouted",
  "renewed",
  "reactivated",
  "re-?enabled",
  "unblocked",
  "(?:just |now )?sent (?:it|them|this|that) (?:to (?:you|her|him|them|everyone|the team))",
  "moved (?:it|them|you|the \\w+(?: \\w+)?),? (?:to|so|back)",
  "answered your (?:questions|email|emails|message|messages|query|queries)",
  "(?:taken|took|pulled) (?:it|them|the \\w+(?: \\w+)?) (?:down|offline)",
  "(?:sent|emailed|delivered|posted|shipped|uploaded|forwarded) (?:it|them|this|that) (?:to you )?(?:now|again|today|just now|this morning|over now|across)",
  "sent (?:you )?(?:a|the) (?:\\w+ )?correction",
  "(?:had|got) (?:it|them|the \\w+) (?:deleted|removed|taken down|corrected|fixed|replaced|reprinted)",
  "put (?:it|this|that|things) right",
  "sent (?:you |over )?(?:a|the|an) (?:correct(?:ed)?|right|revised|updated|new|fixed|final|accurate|proper|replacement)",
  "issued (?:you )?(?:a|the|an) (?:correct(?:ed)?|revised|updated|new|credit|refund|replacement)",
  "attached (?:a|the|an) (?:correct(?:ed)?|right|revised|updated|new|fixed|final|accurate|proper|replacement)"
]);
var COMPENSATION = words([
  "credit(?! card)(?:ed)?",
  "credit note",
  "refund(?:ed)?",
  "reimburse(?:ment|d)?",
  "discount(?:ed)?",
  "voucher",
  "gift card",
  "rebate",
  "partial refund",
  "at no (?:extra |additional )?(?:charge|cost)",
  "free of charge",
  "no (?:extra |additional )?(?:charge|cost) to you",
  "complimentary",
  "on (?:us|the house)",
  "(?:won't|will not|wont) (?:be )?(?:charge|bill|invoice)(?:d)?(?: you)?",
  "(?:not|won't|will not) (?:be )?(?:charging|billing|invoicing) you",
  "(?:is|are|was|were|will be|won't be) not (?:be )?(?:billed|charged|invoiced)",
  "on (?:my|our) (?:own )?dime",
  "waive(?:d)? (?:the|your|this|our) (?:\\w+ )?(?:fee|fees|charge|charges|cost|invoice)",
  "take (?:\\w+ )?off (?:the|your|this|next) (?:\\w+ )?(?:invoice|bill)",
  "at (?:our|my) (?:own )?(?:cost|expense)",
  "(?:\\d+|half|ten|fifteen|twenty|twenty-five|thirty|forty|fifty|a hundred) ?(?:percent|%) off",
  "free (?:month|week|session|reprint|re-?run|revision|upgrade|of charge)",
  "(?:covering|cover|covered|absorb|absorbing|absorbed) (?:the|all|any) (?:\\w+ )?(?:cost|costs|fees?|charges?)"
]);
var CONCRETE_WRONG = words([
  "wrong",
  "incorrect(?:ly)?",
  "inaccurate",
  "outdated",
  "out of date",
  "misspel\\w+",
  "mis(?:read|understood|quoted|labell?ed|calculated|addressed|directed|filed|placed|printed|typed|named|priced|dated|sent|pronounced|gendered|titled|keyed|routed)",
  "duplicate[ds]?",
  "double-?(?:booked|charged|billed|invoiced|counted|booking|charge|billing)",
  "triple-?booked",
  "charged (?:you )?twice",
  "billed (?:you )?twice",
  "twice",
  "missing",
  "missed",
  "late",
  "overdue",
  "delayed",
  "delay",
  "deleted",
  "lost",
  "broken",
  "broke",
  "went down",
  "was down",
  "were down",
  "outage",
  "offline",
  "crash(?:ed)?",
  "over-?charged",
  "under-?charged",
  "over-?billed",
  "overcharge",
  "mixed up",
  "confused",
  "confusing",
  "swapped",
  "transposed",
  "older",
  "slow",
  "overlooked",
  "ignored",
  "unanswered",
  "skipped",
  "dropped(?! the ball)",
  "damaged",
  "torn",
  "faulty",
  "defective",
  "scratched",
  "smudged",
  "blurry",
  "truncated",
  "garbled",
  "bounced",
  "expired",
  "offline",
  "left (?:out|off)",
  "omitted",
  "instead of",
  "rather than",
  "forgot",
  "leaked",
  "exposed",
  "deadline",
  "typo",
  "failed",
  "(?:the|an?) old \\w+",
  "misprint",
  "(?:did not|didn't) (?:send|deliver|check|include|update|arrive|reply|respond|show|work|load|print|ship|attach|go out|save|back up|proofread)",
  "never (?:sent|arrived|replied|got)",
  "no-show",
  "failed to",
  "not (?:sent|delivered|updated|included|attached|applied|processed)"
]);
var VAGUE_WRONG = words([
  "the issues?",
  "this issue",
  "that issue",
  "these issues",
  "any issues?",
  "the problems?",
  "this problem",
  "any problems?",
  "the situation",
  "this situation",
  "the matter",
  "this matter",
  "the incident",
  "this incident",
  "the trouble",
  "any trouble",
  "the confusion",
  "any confusion",
  "this confusion",
  "the mix-?up",
  "this mix-?up",
  "the error",
  "this error",
  "the mistake",
  "this mistake",
  "the inconvenience",
  "any inconvenience",
  "the hiccup",
  "this hiccup",
  "what happened",
  "everything",
  "all (?:this|that)",
  "the recent (?:\\w+ )?(?:issue|problem|events?|incident)",
  "the (?:oversight|mishap)",
  "this (?:oversight|mishap)",
  "things"
]);

// src/engine/apology/components.ts
var g = (source) => new RegExp(source, "g");
var FPS = FIRST_PERSON_SUBJECT;
var OWN_STATEMENT = g(
  `\\b(?:that|this|it|which|the (?:mistake|error|fault|blame|oversight|responsibility|mix-?up|miss|delay|slip))(?: one| part| bit)?(?:'s| is| was| were| lies| lay| rests| sits| falls)(?: (?:entirely|completely|all|totally|fully|solely|squarely|wholly|clearly|100%|absolutely))? (?:on me|on us|mine|ours|(?:my|our) (?:own )?(?:fault|mistake|error|bad|oversight|responsibility|doing|miss|slip|blunder|failure|lapse)|down to (?:me|us|my team|our team)|with (?:me|us|my team|our team)|on my (?:side|end|part)|on our (?:side|end|part))\\b`
);
var OWN_POSSESSIVE = g(
  `\\b(?:my|our) (?:own )?${FAULT_NOUNS}(?! rate| message| log| handling| page| code| report)\\b`
);
var OWN_TAKE = g(
  `\\b(?:i|we)(?:'ll| will| do| must)? (?:take|accept|bear|claim|own)(?: (?:full|complete|total|sole|all|entire|100%|personal|the))? (?:responsibility|ownership|accountability|blame)\\b`
);
var OWN_AM = g(
  `\\b(?:i|we)(?:'m|'re| am| are| was| were)(?: (?:fully|entirely|completely|solely|totally|wholly|squarely))? (?:responsible|accountable|to blame|at fault|in the wrong)\\b`
);
var OWN_WRONG = g(
  `\\b(?:i|we)(?: was| were) (?:wrong|careless|sloppy|negligent|remiss|late|slow|mistaken|too hasty|hasty|too slow|too late|short with you|rude|abrupt|dismissive|unprofessional)\\b`
);
var OWN_JOB = g(
  `\\b(?:was|is|were) (?:my|our) (?:job|responsibility|call|decision|duty)\\b(?! to (?:fix|sort|make|ensure|put|get|resolve|correct))`
);
var OWN_IT = g(
  `\\b(?:i|we) own (?:it|this|that|the (?:mistake|error|miss|slip|failure)|this (?:mistake|error)|(?:my|our) (?:mistake|error|part))\\b|\\bmy bad\\b|\\bmea culpa\\b|\\bthe buck stops with (?:me|us)\\b|\\b(?:i|we) (?:hold|put) (?:my|our) hands? up\\b|\\b(?:unprofessional|rude|careless|thoughtless|unfair|sloppy|lazy|inconsiderate|wrong) of (?:me|us)\\b|\\bno one to blame but (?:myself|ourselves|me|us)\\b|\\bit was (?:me|us) who\\b|\\b(?:careless|sloppy|thoughtless|wrong) of (?:me|us)\\b|\\b(?:there(?:'s| is)|i have|we have|that(?:'s| is)) (?:absolutely |simply |really )?no excuse\\b`
);
var OWN_APOLOGY_FOR_MY = g(
  `\\b(?:sorry|apologi[sz]e[sd]?|apologies|apologising|apologizing|regret(?:s|ted)?) (?:\\w+ ){0,2}?(?:for|about) (?:my|our) (?!(?:customers?|clients?|users?|members?|readers?|partners?|team's|company's)\\b)(?:\\w+ ){0,2}?(?:comments?|remarks?|behaviou?r|tone|words?|reply|replies|response|message|email|outburst|delay|delays|lateness|absence|silence|oversight|conduct|actions?|handling|mistake|mistakes|error|errors|late \\w+|slow \\w+|part)\\b`
);
var OWN_MY_CONDUCT = g(
  `\\b(?:my|our) (?:\\w+ ){0,3}?(?:was|were) (?:inappropriate|unprofessional|unacceptable|out of line|insensitive|rude|careless|wrong|thoughtless|uncalled for)\\b`
);
var OWN_PART = g(
  `\\b(?:${FAULT_NOUNS}|miss|failure)(?: \\w+){0,2} (?:(?:was|is) )?(?:entirely |completely |clearly |squarely |all )?on (?:my|our) (?:part|end|side)\\b`
);
var OWN_SHOULD = g(
  `\\b(?:${FPS}|and|but|which)(?: really| clearly| definitely| certainly| absolutely| obviously)? should(?:n't| not)? have (?!been (?:told|informed|given|sent|notified|warned|asked|consulted|included|copied|cc))\\w+`
);
var OWN_FAULT_VERB = g(`\\b${FPS}${AUX} ${FAULT_VERBS}\\b`);
var OWN_NEUTRAL_VERB = g(`\\b${FPS}${AUX} ${NEUTRAL_VERBS}\\b`);
var OWN_BY_ME = g(
  `\\b(?:was|were|has been|have been|had been|got) (?:\\w+ ){0,3}?(?:[-,]\\s*)?by (?:me|us|myself|ourselves|my team|our team)\\b`
);
var FAULT_GERUND = "(?:forgetting|missing|misspelling|misspelt|losing|deleting|overlooking|mixing up|double-?booking|over-?charging|under-?charging|failing|not \\\\w+ing|being (?:late|slow|careless)|breaking|misreading|misunderstanding|misquoting|mislabel(?:l)?ing|leaving (?:\\\\w+ ){0,3}(?:out|off)|ignoring|neglecting|dropping the ball|messing (?:up|this up)|letting (?:you|this|it) (?:down|slip))";
var NEUTRAL_GERUND = "(?:sending|giving|quoting|billing|charging|invoicing|printing|booking|scheduling|using|attaching|sharing|uploading|publishing|posting|entering|typing|writing|putting|copying|adding|including|listing|addressing|emailing|shipping|delivering|applying|setting|linking|labell?ing|spelling|calculating|submitting|ordering|showing|launching|releasing|deploying|pushing|changing|removing|processing|issuing|forwarding|telling|calling)";
var OWN_GERUND = g(
  `\\b(?:sorry|apologi[sz]e[sd]?|apologies|apologising|apologizing|regret(?:s|ted)?)(?: \\w+){0,2}? (?:for |about )?(?:my |our )?(?:(${FAULT_GERUND})|(${NEUTRAL_GERUND}))\\b`
);
var WRONG_MARKER_RE = new RegExp(`\\b${WRONG_MARKER}\\b`);
var WRONG_ADVERB_RE = new RegExp(`\\b${WRONG_ADVERB}\\b`);
var WILL = `(?:'ll| will| shall| am going to| are going to|'m going to|'re going to| can| could| would like to|'d like to| want to| plan to| intend to| have arranged to|'ve arranged to| are happy to|'re happy to| am happy to|'m happy to| would be happy to|'d be happy to| would love to|'d love to| are| am|'m|'re| offer to| have asked| promise to)`;
var REPAIR_FUTURE = g(
  `\\b(?:(?:${FPS}|let me|let us|allow me to|allow us to|happy to)${WILL}?|and${WILL})(?: (?:also|now|immediately|personally|happily|gladly|of course|today|right away|promptly|quickly|then|be|already|currently|first|like to|going to|to|get))* (?:${REPAIR_BASE}|fixing|correcting|redoing|refunding|crediting|replacing|restoring|reprinting|rebooking|reissuing|re-?sending|covering|waiving|updating|amending|revising|re-?running|rebuilding|re-?doing|re-?scheduling|reversing|cancel(?:l)?ing|removing|recovering|rectifying|working on (?:a |the )?(?:fix|correct|corrected|revised|replacement|new))\\b`
);
var REPAIR_DONE = g(
  `\\b${FPS}${AUX}(?: now| already| since| just)? (?:${REPAIR_PAST}|\\w+ed (?:you |over |across )?(?:the|a|an|your) (?:correct(?:ed)?|right|revised|updated|fixed|replacement|proper|accurate|final|new)\\b)\\b`
);
var REPAIR_PASSIVE = g(
  `\\b(?:is|are|(?<=')s|(?<=')re|has been|have been|was|were|(?<=')s been|will be|(?<=')ll be|should be|now)(?: now| already| since| fully| all| completely| just| been)* (?:fixed|corrected|resolved|restored|refunded|credited|reissued|re-?issued|re-?sent|replaced|reversed|voided|updated|amended|back up|back online|live again|working again|sorted|rectified|reprinted|rebooked|re-?done|reimbursed|waived|renewed|redirected|rerouted|reactivated|re-?enabled|unblocked|reinstated|recovered)\\b`
);
var REPAIR_ATTACHED = g(
  `\\b(?:please find|find|attached (?:is|are)|here is|here's|here are|enclosed (?:is|are)|i've attached|we've attached|i have attached|we have attached|i attach|we attach|i'm attaching|we're attaching|attaching|below is|below are)(?: (?:\\w+))?(?: (?:\\w+))? (?:the |a |an |your )?(?:correct(?:ed)?|revised|updated|new|right|fixed|amended|accurate|final|replacement|proper|reissued)\\b|\\b(?:the|a|an|your) (?:correct(?:ed)?|revised|updated|amended|fixed|replacement|reissued|right) (?:\\w+ ){0,3}(?:is|are|has been|have been|was|were)(?: now)? (?:attached|on (?:its|their) way|ready|live|up|in your inbox|below|enclosed|with you|uploaded|sent|going out|printing|being printed)\\b`
);
var REPAIR_DELIVERY = g(
  `\\b(?:you'll have|you will have|you'll get|you will get|you'll receive|you will receive)\\b|\\b(?:will|(?<=')ll|should) be (?:with (?:you|the \\w+|your \\w+)|in your (?:inbox|hands|folder|shared folder)|back (?:up|online))\\b|\\b(?:asked|told|got) (?:them|him|her|the \\w+) to (?:delete|remove|destroy|disregard|ignore|return|shred)\\b|\\b(?:can|could|shall) we (?:talk|meet|speak|reschedule|rebook|catch up)\\b[^.?!]{0,40}\\binstead\\b|\\b(?:getting|sending|arranging|organi[sz]ing|shipping) (?:you )?(?:a|the|your) (?:replacement|refund|new (?:one|copy|set)|corrected|correct)\\b|\\b(?:confirmed|ensured|verified|made sure)(?: \\w+){0,5}? (?:that )?(?:the|it|they|all|your) (?:\\w+ )?(?:has|have|had|was|were) (?:been )?(?:deleted|removed|taken down|destroyed|recalled|withdrawn|fixed|corrected)\\b|\\b(?:i'll|i will|we'll|we will) (?:have (?:it|this|that|them|everything|the \\w+) (?:sorted|fixed|corrected|done|ready|redone|updated|replaced))\\b`
);
var REPAIR_NEW_THING = g(
  `\\b(?:new|corrected|correct|replacement|revised|fresh|updated|right|remaining|reprinted|amended|fixed|correction|second|missing|outstanding|owed|unpaid) (?:\\w+ ){0,5}?(?:will be|are being|is being|have been|has been|was|were|are|is|go|goes|went|ship|ships|shipped|are going|is going|will go|will arrive|arrive|arrives|may arrive|should arrive|will reach|are on|is on)(?: now| already| also| all)? (?:\\w+ed|sent|made|paid|on (?:its|their|the) way|attached|below|here|out|to|today|tomorrow|with you|you|in the post|in your|ready|printed|being|before|by|on|this|next)\\b|\\b(?:correct(?:ed)?|right|revised|updated|fixed|new|final|replacement) (?:\\w+ ){0,2}?(?:is |are )?(?:now )?(?:attached|below|enclosed)\\b|\\b(?:it's|it is|they're|they are|this is|that is) (?:now )?attached\\b|\\b(?:is|are) (?:now )?(?:answered|addressed|covered) below\\b|\\bhere it is\\b`
);
var REPAIR_PERFECT = g(
  `\\b(?<!(?:could|would|should|might|may|must) )(?:has|have|had)(?: now| already| just| since)? ${REPAIR_PAST}\\b`
);
var VAGUE_REPAIR = g(
  `\\b(?:make (?:it|this|that|things) (?:right|up to you)|make amends|make good on (?:this|it)|do (?:whatever|everything|all) (?:it takes|we can|i can|in (?:my|our) power))\\b`
);
var VAGUE_REMEDY = g(
  `\\b(?:i|we)(?:'ll| will| are going to|'re going to|'m going to| am going to| shall| are| am|'re|'m)(?: \\w+)? (?:look(?:ing)? into|look(?:ing)? at (?:it|this|that|the matter|what happened)|get to the bottom of (?:it|this|that)|investigat(?:e|ing)|tak(?:e|ing) a look|check(?:ing)? (?:on|into) (?:it|this)|see (?:what (?:we|i) can do|about)|get back to you|review(?:ing)? (?:it|this|the matter|things|the situation)|sort (?:something|things) out|handl(?:e|ing) (?:it|this)|deal(?:ing)? with (?:it|this)|address(?:ing)? (?:it|this|the issue|the problem|your concerns?|the matter)|take care of (?:it|this|that)|tr(?:y|ying) (?:to|our best|my best)|do (?:our|my) best|keep you (?:posted|updated|informed))\\b|\\b(?:working|looking)(?: hard| closely| diligently| urgently)? (?:to (?:resolve|fix|address|sort|rectify)|on (?:a fix|a solution|it|this|the issue|the problem|a resolution))\\b|\\btak(?:e|ing) (?:this|the matter|this matter|your feedback|it) (?:very )?seriously\\b`
);
var COMPENSATION_RE = g(`\\b${COMPENSATION}\\b`);
var ONGOING_REPAIR = g(
  `\\b(?:i'm|i am|we're|we are)(?: already| now| currently)? (?:working on|fixing|correcting|redoing|re-?doing|reprinting|rebuilding|restoring|rebooking|preparing|re-?running|re-?issuing|re-?sending) (?:a |the |your |it\\b|this\\b|that\\b)`
);
var APOLOGY_WORD = g(
  `\\b(?:sorry|apologi[sz](?:e[sd]?|ing)|apolog(?:y|ies)|regret(?:s|ted|ful|fully|table)?|remorse(?:ful)?)\\b|\\b(?:i|we) (?:feel|felt) (?:so |really |very |truly |just )?(?:terrible|awful|horrible|bad|dreadful|sick|gutted)(?= about| that| for|\\.|,| to)|\\b(?:i'm|i am|we're|we are|i was|we were|i feel|i felt) (?:so |really |very |truly |deeply |thoroughly )?(?:mortified|embarrassed|ashamed)\\b`
);
var FORGIVENESS = g(
  `\\b(?:please |kindly )?forgive (?:me|us|my|our|the|this)\\b|\\bforgiveness\\b|\\b(?:hope|ask|asking|beg|request)(?: that)?(?: you)?(?: can| will| could|'ll| might| would| may)? (?:forgive|pardon)\\b|\\b(?:another|a second|one more|a fresh) chance\\b|\\b(?:earn|win|rebuild|regain|restore|keep|re-?earn|retain|deserve|repair|merit|win back|earn back) (?:back )?(?:your|the) (?:trust|confidence|faith)\\b|\\b(?:trust|confidence|faith) (?:in (?:me|us) )?back\\b|\\bhope (?:you(?:'ll| will| can| could)? )?(?:accept|can accept) (?:my|our|this) apolog|\\bhope (?:this|it) (?:won't|doesn't|does not|will not) (?:damage|affect|harm|change|hurt|sour) (?:our|the|your) (?:relationship|partnership|working relationship|trust)\\b|\\bplease (?:pardon|excuse) (?:me|us|my|our|the)\\b|\\bhope (?:you(?:'ll| will| can| could)? )?(?:still |continue to )?trust (?:me|us)\\b|\\bgive (?:me|us) (?:the|a|another|one more) chance\\b|\\blet (?:this|it|that)(?: one)? (?:go|slide)\\b|\\bhope (?:we|you) can (?:move (?:past|on from|forward from)|put) (?:this|it)\\b|\\b(?:another|the|an) (?:chance|opportunity) to (?:earn|regain|win back|rebuild|restore|make (?:this|it|things) right|prove (?:ourselves|myself))\\b`
);
var EXPLANATION = g(
  `\\b(?:because|due to|owing to|caused by|(?:was|were) (?:triggered|caused|introduced) by|the (?:root )?(?:cause|reason)(?: for (?:this|the \\w+|it)| of (?:this|it)| behind (?:this|it))? (?:was|is|were)|(?:this|it|that|the \\w+) happened (?:because|when|after|as|since)|what happened (?:was|is)|it turned out|turned out (?:that|to be)|it turns out|stemmed from|came from|traced (?:it |this |the \\w+ )?(?:back )?to|the (?:problem|issue|error|mistake|bug|fault) (?:was|is) (?:that|in|with|a)|resulted from|as a result of|the culprit|was down to|is down to|comes down to|came down to|(?:arose|occurred|happened|started|began) (?:when|because|after)|(?:the )?(?:issue|problem|error|fault|outage|delay) (?:arose|occurred|was triggered) (?:when|because|after|by))\\b`
);
var EXPLAIN_PAST_PERFECT = g(
  `\\b(?:i|we)(?:'d| had) (?!(?:agreed|promised|planned|hoped|asked|been asked|said|told you|discussed|arranged|offered)\\b)(?:\\w+ )?(?:\\w{2,}ed|\\w+en|sent|left|kept|built|set|put|read|made|taken|forgotten|done|spent|got|brought|written|misread|misunderstood|mixed|assumed|thought|saved|copied|used)\\b`
);
var EXPLAIN_HOW = g(
  `\\b(?:instead of|rather than) \\w+ing\\b|\\bwithout (?:first |properly |ever |actually )?(?:checking|testing|comparing|reviewing|confirming|asking|verifying|proofreading|double-checking|reading|looking|updating|re-?running|running|telling|noticing|realising|realizing)\\b|\\bwithout (?:a|any) (?:final |proper |full |second )?(?:test|check|review|proofread)\\b|\\bfrom (?:the |an? |our |my |your )?(?:old|previous|preliminary|draft|wrong|outdated|earlier|early|original|first|last (?:year|month|week|quarter)'s)\\b|\\b(?:i|we) (?:read|took|understood|interpreted|heard|saw) (?:\\W?[\\w']+\\W?\\s){1,5}as\\b|\\b(?:i|we) (?:used|picked|selected|chose|grabbed|copied|pulled|took) (?:the |an? |our |my )?(?:old|outdated|previous|draft|preliminary|earlier|original|last (?:year|month|week)'s)\\b|\\b(?:i|we) had (?:\\w+ ){1,3}wrong\\b|\\bby hand\\b|\\b(?:which|that|this) (?:is|was|'s) why\\b|\\bthat's why\\b|\\bwhich (?:caused|meant|held|led to|resulted in|is what)\\b|(?<=, )so (?:the|your|our) \\w+(?: \\w+)? (?:went|came|got|was|were|didn't|did not|don't|doesn't|had|missed|showed)\\b|\\b(?:i|we) (?:underestimated|overestimated|misjudged|miscounted)\\b|\\b(?:i|we) (?:misread|misheard|misunderstood) (?:\\w+ ){1,3}and\\b|\\bstill (?:had|pointed|showed|used|contained|listed|referenced|linked|carried|held)\\b|\\b(?:the|your|our) (?:brief|specs?|specification|requirements?|scope|plan|timeline|schedule|date|dates|figures|numbers|data) (?:changed|shifted|moved|grew|expanded)\\b`
);
var EXPLAIN_WHEN = g(
  `\\b(?:when|while|after) (?:i|we) (?:was |were |had )?(?:\\w{3,}ed|\\w+ing|sent|set|ran|built|put|copied|moved|pulled|made)\\b(?! you)`
);
var EXPLAIN_MISTOOK = g(
  `\\b(?:i|we) (?:mistook|confused|mixed up|misread|misheard|misunderstood|assumed|thought|took) (?:\\w+ ){0,5}(?:for|with|meant|was|were|would)\\b`
);
var EXPLAIN_TECH = g(
  `\\b(?:the|our|my) (?:template|spreadsheet|script|form|filter|macro|automation|export|import|integration|sync|formula|setting|settings|field|database|merge field|mail merge|autocomplete|auto-?fill|default|cache|config(?:uration)?|feed|rule|calendar invite|booking system|report|query|update|migration|plugin|theme)s? (?:still |had |was |were |used |pulled |picked |didn't |did not |defaulted |showed |contained |kept |wasn't |was not |overwrote |reverted |duplicated |had been |hadn't |hasn't |skipped |dropped |mapped |referenced |pointed )`
);
var REPENT_PROMISE = g(
  `\\b(?:(?:this|it|that|the same (?:\\w+ )?(?:mistake|error|thing|problem))(?: will|'ll)? (?:won't|will not|will never|shall not|should not|shouldn't|can't|cannot|never|isn't going to|is not going to) (?:ever )?(?:happen|occur|recur|be repeated|repeat)(?: again)?|(?:won't|will not|never) (?:let (?:this|it|that) )?happen again|(?:make sure|ensure|ensuring|making sure|to ensure|to make sure|guarantee)(?: that)? (?:this|it|that|the same|nothing like this|a mistake like this|a repeat|no)(?: \\w+){0,5} (?:doesn't|does not|won't|will not|never|can't|cannot|isn't|is not|can never)(?: \\w+){0,2} (?:happen|occur|recur|repeat|again|be repeated)|(?:to |so as to |in order to |help |helps )?(?:prevent|avoid|stop)(?:s|ing)? (?:this|it|that|a repeat|a recurrence|repeats|recurrence|the same|similar|future|any future|further|a repetition|it from|this from|that from)|(?:won't|will not|never) (?:make|repeat) (?:this|that|the same) (?:mistake|error)(?: again)?|(?:i|we)(?:'ll| will| are going to|'re going to|'m going to)(?: \\w+)? (?:be )?(?:more careful|more thorough|more vigilant|more diligent|do better|learn from)|lessons? (?:learned|learnt)|never again|so (?:that )?(?:this|it|nothing|no \\w+)(?: \\w+){0,5} (?:again|twice))\\b`
);
var STEP_VERBS = "(?:added|introduced|put in place|put|set up|set|built|strengthened|improved|revised|overhauled|retrained|reinforced|created|implemented|started|changed|updated|adopted|automated|switched|moved|installed|made|instituted|scheduled|assigned|required?|introduce|add|implement|create|build|set up|change|adopt|automate|switch|institute|reviewed|audited|retrained|trained|documented|rewritten|rewrote|redesigned|tightened|locked|blocked|fixed the|update|lock|block|tighten|enforce|enforced|configured|turned on|enabled|reorganised|reorganized|split|brought in|hired|booked)";
var STEP_NOUNS = "(?:records?|(?:spelling|check|style|contact|word|block|allow|exclusion) list|checker|spell-?check|dictionary|filters?|settings?|checks?|checklists?|steps?|reviews?|process(?:es)?|procedures?|safeguards?|second (?:pair of eyes|person|check|review|reader)|validations?|verifications?|tests?|sign-?offs?|approvals?|alerts?|alarms?|reminders?|rules?|locks?|guards?|controls?|fields?|templates?|workflows?|audits?|training|peer reviews?|qa|quality checks?|proof(?:ing|reading)?|double-?checks?|rota|handover|calendar|monitoring|backups?|permissions?|limits?|warnings?|confirmations?|read-?back|cross-?checks?|automation|policy|policies|script)";
var PREVENT_STEP = g(
  `\\b(?:${FPS}|i've|we've)(?:'ve| have| has)?(?: now| since| also| already| just| today| this week)? ${STEP_VERBS}\\b[^.!?\\n]{0,70}?\\b${STEP_NOUNS}\\b|\\b(?:from now on|going forward|in future(?=[,.;]| i | we )|in the future(?=[,.;]| i | we )|moving forward|from today|henceforth|next time|from this (?:week|month|point) on)\\b[^.!?\\n]{0,90}?\\b(?:i|we|every|each|all|nothing|no \\w+|a second|two people|someone)\\b|\\b(?:i|we)(?:'ll| will) [^.!?\\n]{0,60}?(?:from now on|going forward|in future|moving forward|from today)\\b|\\b(?:i|we)(?:'ll| will)? (?:now )?always (?:\\w+)\\b|\\b(?:i|we) now (?:always |also )?\\w+ (?:every|each|all|both|the client's|your|any)\\b|\\b(?:the|our|my) (?:\\w+ ){0,2}now (?:asks|checks|requires|blocks|warns|flags|fills|shows|uses|needs|prompts|runs|pulls|locks|compares|validates|refuses|stops|includes|sends)\\b|\\bnow (?:needs?|requires?|go(?:es)? through|gets?|has|have|includes?|ends? with|starts? with|must (?:have|get|pass)) (?:an? )?(?:[\\w']+ ){0,3}${STEP_NOUNS}\\b|\\b(?:every|each|all) (?:\\w+ ){0,3}now (?:go|goes|get|gets|need|needs|require|requires|must|pass|passes|run|runs|end|ends|start|starts|include|includes|has|have)\\b|\\b(?:i|we)(?:'ll| will)(?: now| always| from now on| also)? (?:always |now |personally |also )?(?:double-?check|triple-?check|check|verify|confirm|proofread|proof|test|review|read back|compare|cross-check|run|get|have|ask|send)\\b[^.!?\\n]{0,60}?\\b(?:before|every|each|against|prior to|ahead of|sign(?:s|ed)? off|second)\\b|\\b(?:every|each|all) (?:\\w+ ){0,3}(?:now |will |must |then )?(?:goes?|go|gets?|is|are|will be|now be|must be|needs to be|need to be)(?: \\w+){0,2} (?:checked|reviewed|verified|proofread|tested|approved|signed off|double-checked|compared|confirmed|read back|reconciled|validated|matched|generated|locked|filled|cross-checked)\\b|\\b(?:a|an) (?:new |extra |additional |second |mandatory |automated |automatic |required |formal )(?:check|checklist|step|review|sign-?off|approval|safeguard|test|validation|reminder|alert|rule|lock|verification|process|control)\\b|\\b(?:i|we) now (?:check|verify|confirm|require|run|use|have|keep|send|compare|review|proofread|test|double-check|read|get|ask|book|set|lock|reconcile|schedule|put|include|add|name|label|copy|save|fill|match|back up|scan|store)\\b|\\b(?:i|we) now [^.!?\\n]{0,40}?\\bbefore (?:any|every|each|sending|publishing|printing|booking|invoicing)\\b|\\b(?:i|we)(?:'ve| have) (?:now |since )\\w+ed (?:every|each|all|any)\\b`
);
var WEEKDAY = "(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)";
var MONTH = "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*";
var NUMBER = "(?:\\d+|an?|one|two|three|four|five|six|seven|ten|twelve|twenty-four|forty-eight|a few|a couple of|the next|the)";
var TIME_EXPR = g(
  `\\b(?:today|tonight|tomorrow|this (?:morning|afternoon|evening|week|weekend)|(?:by |before )?(?:the )?(?:end|close) of (?:the )?(?:day|week|business|today|tomorrow|month)|eod|cob|eow|(?:by|before|on|until|this|next|from|first thing|early) ${WEEKDAY}|${WEEKDAY}(?: (?:morning|afternoon|evening|noon))?|next week|within (?:the )?(?:next )?${NUMBER}(?: business| working)? (?:minutes?|hours?|days?|weeks?|hrs?|mins?)|within the hour|in the next (?:\\d+ |few |couple of |two |24 |48 )?(?:minutes|hours|days|weeks)|in (?:\\d+|two|three|an?) (?:minutes?|hours?|days?)|(?:by|before|at|around|until) \\d{1,2}(?:[:.]\\d{2})? ?(?:am|pm|a\\.m|p\\.m)?|\\d{1,2}(?::\\d{2})? ?(?:am|pm)|by (?:noon|midday|midnight|the morning|the afternoon|lunch(?:time)?|close)|${MONTH} \\d{1,2}(?:st|nd|rd|th)?|\\d{1,2}(?:st|nd|rd|th)? (?:of )?${MONTH}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}(?:/\\d{2,4})?|right away|immediately|straight away|right now|as we speak|already)\\b`
);
var EXCUSE_CAUSE = g(
  `\\b(?:(?:i|we)(?:'ve| have)? been (?:so |very |extremely |incredibly |really |completely |absolutely |just )?(?:swamped|slammed|overwhelmed|snowed under|buried|inundated|stretched(?: thin)?|flat out|run off (?:my|our) feet|up to (?:my|our) (?:eyes|ears|neck)|short-?staffed|understaffed|short-?handed|under (?:a lot of |huge |so much |enormous )?pressure|juggling)|(?:i|we)(?:'ve| have|'re| are|'m| am| was| were)(?: been)?(?: so| very| extremely| incredibly| really| quite| rather| crazy| super| insanely)? busy(?! (?:fixing|correcting|working on (?:it|this|the fix)|making))|(?:a |it's been a |it has been a |it was a |what a )?(?:busy|hectic|crazy|mad|chaotic|manic|frantic) (?:week|month|day|time|period|season|few weeks|few days|quarter|year|schedule)|due to (?:a |the |an )?(?:high|heavy|unusual|unusually high|unprecedented|increased|large|huge|higher than (?:usual|normal|expected)|record|overwhelming|the (?:high|heavy|large))(?: \\w+)? (?:volume|volumes|demand|workload|number|numbers|traffic|orders|influx)|(?:high|heavy|unusually high|unprecedented) (?:call |order |ticket |email |request )?(?:volumes?|demand)|(?:heavy|huge|enormous|crazy|overwhelming|busy|hectic|full|packed|overloaded) (?:workload|schedule|calendar|plate|caseload|writing schedule)|(?:so much|too much|a lot|lots) (?:on (?:my|our) plate|going on)|(?:i|we)(?: was| were|'ve been| have been) (?:sick|ill|unwell|travelling|traveling|on holiday|on vacation|away|out of (?:the )?office|off sick|on leave)|(?:the )?(?:holiday|holidays|christmas|summer|end-of-year|year-end) (?:rush|period|season|break|crunch)|due to (?:the )?(?:weather|traffic|snow|storm|heatwave|strike|holidays?)|teething (?:problems|issues|troubles)|staff(?:ing)? shortages?|(?:we|i)(?: were| was| are| am|'re|'m) (?:a (?:bit|little) )?(?:understaffed|short-?staffed|stretched|short-?handed)|(?:a|the) (?:new|recent) (?:system|software|starter|hire|team member) (?:was|is) (?:still )?(?:bedding in|being rolled out|learning|settling in)|(?:the )?(?:deadline|timeline|schedule|turnaround|timeframe|time frame|window) (?:was|is|were) (?:very |really |so |extremely |quite |a bit |rather |pretty )?(?:tight|short|ambitious|unrealistic|aggressive|rushed)|(?:always|often|usually|inevitably) take(?:s)? longer|(?:the |our |a )?(?:van|truck|car|lorry|vehicle|train|flight|delivery van) (?:broke down|was delayed|was cancell?ed|got stuck|had a flat))\\b`
);
var EXCUSE_PLEA = g(
  `\\b(?:(?:i|we)(?:'re| are|'m| am) only human|(?:it was|it's|it is|this was|that was) (?:just )?an honest mistake|(?:these things|mistakes|errors|stuff|it|things) (?:happens?|do happen|can happen)(?! again)|nobody's perfect|no one(?:'s| is) perfect|(?:i|we) didn't mean (?:to|for)|(?:it )?(?:wasn't|was not) (?:intentional|deliberate|on purpose))\\b`
);
var CONCRETE_WRONG_G = g(`\\b${CONCRETE_WRONG}\\b`);
var NAMED_FAULT_OBJECT = g(
  `\\b(?:${FAULT_NOUNS}|mix-?ups?|problems?|issues?) (?:with|in|on) (?:the|your|our|my|this|that) (?!end\\b|side\\b|part\\b)\\w+`
);
var WRONG_SIGNAL = g(
  `\\b(?:${FAULT_NOUNS}|bugs?|glitch(?:es)?|outages?|correct(?:ed|ion)|replacement|re-?print\\w*|re-?issu\\w*|re-?sen[dt]\\w*|re-?do(?:ne|ing)?|complaint)\\b`
);
var SPECIFIC_OWNERSHIP = new RegExp(
  `\\bshould(?:n't| not)? have \\w+ (?:the|your|my|our|a|an|it|them|before|with|which|what|whether|for|about)\\b|\\b(?:${NEUTRAL_VERBS}|mis(?!take)\\w+|forgetting|missing|losing|deleting|breaking|leaving|ignoring|neglecting|overlooking|double-?\\w+ing|over-?charging|mixed|confused|over-?charged|under-?charged|double-?\\w+|deleted|lost|forgot|missed|overlooked|left|omitted|leaked|exposed|wiped|corrupted|caused)\\b`
);

// src/engine/apology/rules.ts
var g2 = (source) => new RegExp(source, "g");
var COND_IF = g2(
  `\\b(?:sorry|apologi[sz]e[sd]?|apologies|apologising|apologizing|regret)(?:,| for (?:that|this|it|the \\w+|any \\w+)| to you| again| about that| in advance)? if\\b`
);
var COND_IF_CLAUSE = g2(
  `\\bif (?:i|we|this|that|it|anything|anyone|our \\w+|my \\w+|something|any of (?:this|that))(?: \\w+){0,4}? (?:upset|offended|inconvenienced|confused|caused|hurt|bothered|annoyed|frustrated|disappointed|was(?:n't)? (?:wrong|unclear|confusing|late|incorrect)|made (?:a|an|any) (?:mistake|error)|got (?:it|this|anything|something) wrong|missed|came across)\\b`
);
var COND_MAY = g2(
  `\\b(?:may|might|could) have (?:caused|created|led to|resulted in|upset|offended|inconvenienced|confused|frustrated|hurt|affected|been (?:confusing|upsetting|inconvenient|frustrating|unclear|wrong|incorrect|an error|a mistake|late|misleading|a problem))\\b|\\b(?:i|we) (?:may|might) have (?:\\w{3,}ed|sent|made|given|missed|used|forgotten|mixed|got|left|put|misread|overlooked|misunderstood|written|taken|built|run|been (?:wrong|late|mistaken|unclear|careless))\\b`
);
var COND_ANYONE = g2(
  `\\b(?:to )?(?:anyone|anybody|those|whoever|everyone|any of you|any clients?|any customers?) (?:who|that|whom) (?:was|were|felt|feels|may|might|has|have|is|are|had)\\b|\\bto the extent that\\b|\\bif any\\b`
);
var FEELING_ADJ = "(?:upset|unhappy|disappointed|frustrated|annoyed|angry|offended|hurt|confused|bothered|dissatisfied|displeased|aggrieved|put out|concerned|let down|inconvenienced)";
var FEELINGS = g2(
  `\\b(?:sorry|apologi[sz]e|apologies|regret)(?: \\w+){0,2}? (?:that |to hear(?: that)? )?(?:you|some of you|anyone|people|your team|you all|you both)(?: may| might)?(?: (?:feel|felt|think|thought|believe|perceived?|consider(?:ed)?|got the impression|are feeling|were left feeling|see (?:it|this|things)|saw (?:it|this|things)|took (?:it|this)|take (?:it|this)|found (?:it|this|the|our)|find (?:it|this|the|our)|had (?:a|an) (?:bad|poor|unpleasant|frustrating|negative|disappointing) experience)|(?:'re| are| were|'ve been| have been| feel| felt) (?:so |very |a (?:bit|little) )?${FEELING_ADJ})\\b|\\bsome (?:of you|people|clients|customers|readers)(?: may| might)? (?:feel|felt|have felt|think|thought|were upset|are upset|found)\\b|\\b(?:sorry|apologi[sz]e|apologies|regret) (?:for )?(?:how|the way) (?:you|this|that|it) (?:feel|felt|made you feel|came across|was (?:received|perceived|taken|read))\\b|\\bif you (?:felt|feel|were|are) (?:that |like )?(?:${FEELING_ADJ}|we|i|this|it)\\b`
);
var PASSIVE_AUX = "(?:was|were|has been|have been|had been|got|gets|(?<=')s been|should have been|may have been|might have been|was not|were not|wasn't|weren't|has not been|have not been|hasn't been|haven't been|had not been|hadn't been|was never|were never|is|are)";
var PASSIVE_ADV = "(?: (?:accidentally|mistakenly|inadvertently|wrongly|incorrectly|erroneously|unfortunately|somehow|apparently|also|then|never|not|all|both|just|originally|initially|actually|still|clearly|obviously|unintentionally|evidently|partly|partially|completely|entirely))*";
var ALWAYS_WRONG = "(?:deleted|lost|missed|overlooked|misspel(?:led|t)|mis(?:read|quoted|printed|label(?:l)?ed|filed|placed|handled|directed|addressed|calculated|understood|named|typed|routed|stated|reported|keyed|priced|dated|sent|pronounced|gendered|titled|configured|communicated|interpreted)|over-?charged|under-?charged|over-?billed|double-?(?:booked|charged|billed|invoiced|counted)|triple-?booked|dropped|omitted|left out|left off|forgotten|neglected|corrupted|overwritten|leaked|exposed|mixed up|ignored|skipped|wiped|botched|bungled|messed up|screwed up|mishandled)";
var NOT_DONE = "(?:sent|delivered|processed|handled|actioned|updated|checked|reviewed|proofread|caught|flagged|included|followed|met|completed|communicated|passed on|forwarded|applied|done|actioned|tested|saved|backed up|answered|replied to|approved|recorded|entered|honou?red|refunded|paid|corrected|fixed|informed|notified|told|contacted|invoiced|shipped|published|scheduled|confirmed|renewed|submitted|filed)";
var NEUTRAL_PARTICIPLE = "(?:sent|given|quoted|billed|charged|invoiced|printed|booked|cancell?ed|closed|suspended|terminated|rejected|declined|disconnected|blocked|scheduled|used|attached|shared|uploaded|published|posted|entered|typed|written|put|copied|pasted|added|included|listed|addressed|emailed|mailed|run|shipped|delivered|applied|set|pulled|linked|label(?:l)?ed|spelled|spelt|calculated|built|designed|translated|submitted|filed|ordered|shown|displayed|launched|released|deployed|pushed|configured|updated|changed|removed|processed|issued|forwarded|paid|transferred|imported|exported|assigned|reserved|told|loaded|inserted|priced|dated|stated|provided|recorded|made|cut|placed|routed|allocated|assumed|mentioned|named|called|referred to|printed on|set up)";
var PASSIVE = g2(`\\b${PASSIVE_AUX}${PASSIVE_ADV} (${ALWAYS_WRONG}|${NOT_DONE}|${NEUTRAL_PARTICIPLE})\\b`);
var ALWAYS_WRONG_RE = new RegExp(`^${ALWAYS_WRONG}$`);
var NOT_DONE_RE = new RegExp(`^${NOT_DONE}$`);
var NEUTRAL_RE = new RegExp(`^${NEUTRAL_PARTICIPLE}$`);
var MISTAKES_MADE = g2(
  `\\b(?:mistakes|errors|an error|a mistake|some mistakes|some errors|a few mistakes|a few errors|an oversight|a misstep|missteps|errors of judge?ment|bad (?:calls|decisions)|a bad call|a wrong decision)(?: \\w+)? (?:was|were|have been|has been|had been) made\\b`
);
var BLAME_CLIENT = g2(
  `\\b(?:you|your (?:team|office|staff|colleague|assistant|side|company|department|manager|it team)) (?:didn't|did not|never|failed to|forgot to|neglected to|omitted to)(?: \\w+)? (?:sent|gave|told|provided|replied|responded|confirmed|approved|send|tell|give|provide|mention|specify|let (?:us|me) know|confirm|approve|reply|respond|check|update|read|inform|notify|supply|share|flag|include|attach|sign|answer|clarify|say|ask)\\b|\\byour (?:brief|instructions?|emails?|spec|specs|specification|request|requirements?|team|files?|data|list|spreadsheet|copy|notes|feedback|message|artwork|assets?|colleague|assistant|office|it team|staff|sign-?off)(?: \\w+)? (?:was|were|is|are|had|contained|came|arrived|didn't|did not|said|listed|showed|gave|used)(?: \\w+)? (?:unclear|vague|confusing|incomplete|wrong|late|ambiguous|missing|incorrect|inaccurate|outdated|contradictory|conflicting|not clear|the wrong|an? (?:old|wrong|incorrect|outdated)|after the deadline)\\b|\\b(?:you|your (?:team|office|staff|colleague|assistant|company|department|manager|it team|accountant|designer|developer)) (?:gave|sent|provided|supplied|told|specified|asked for|requested|chose|picked|listed|entered|typed|wrote)(?: (?:us|me))?(?: \\w+){0,2}? (?:the |an? )?(?:wrong|incorrect|outdated|old|unclear|inaccurate)\\b|\\byou (?:approved|signed off on|signed off|okayed|ok'd|signed) (?:it|this|the (?:proof|draft|design|file|copy|artwork|version|invoice|quote|layout|brief|text|wording|list|data))\\b|\\b(?:had you|if you had|if you'd)(?: \\w+)? (?:told|sent|let|checked|replied|given|provided|specified|mentioned|confirmed|read|responded|informed|asked|clarified|flagged|been clearer|been)\\b|\\byou (?:should|could|might) have (?:told|sent|let|checked|read|given|provided|specified|mentioned|confirmed|asked|replied|flagged|caught|noticed|been)\\b|\\b(?:error|mistake|problem|issue|fault)s? (?:was |is |seems to be |appears to be |lies |lay )?(?:on|at|with) your (?:end|side)\\b|\\byour (?:fault|mistake|error|responsibility)\\b|\\b(?:you|your team) (?:were|was) (?:supposed|meant|expected|responsible) to\\b`
);
var THIRD_PARTY = "(?:the|our|their|your|a|my|one of (?:our|the)) (?:printers?|print shop|print house|courier|couriers|vendors?|suppliers?|contractors?|subcontractors?|sub-contractors?|freelancers?|developer|designer|hosting (?:provider|company)|host|providers?|bank|payment (?:processor|provider|gateway|system)|platform|software vendor|intern|interns|junior|new hire|temp|trainee|assistant|colleague|accountant|bookkeeper|partners?|other agency|post office|postal service|carriers?|delivery (?:company|service|driver|partner)|shipping (?:company|partner)|it (?:team|department|guy|provider)|third[- ]party(?: \\w+)?|email provider|mail server|cloud provider|isp|data cent(?:re|er)|manufacturer|warehouse|venue|caterers?|photographer|translator|(?:other|previous) (?:team|agency|developer|designer|account manager)|team member|staff member|new (?:system|software|tool|platform|starter)|[a-z]+ (?:inc|ltd|llc))";
var BLAME_THIRD = g2(
  `\\b${THIRD_PARTY}(?:'s)?,? (?:who|which|that) (?:\\w+ ){0,2}(?:shipped|sent|delivered|printed|made|missed|forgot|lost|failed|messed|mixed|dropped|used)\\b[^.!?\\n]{0,40}?\\b(?:late|wrong|twice|in error|by mistake)\\b|\\b(?:came|stemmed|resulted|arose) from ${THIRD_PARTY}\\b|\\b${THIRD_PARTY}(?:'s)? (?:\\w+ ){0,3}(?:the )?wrong\\b|\\b${THIRD_PARTY}(?:'s)? (?:\\w+ ){0,1}(?:sent|shared|posted|emailed|forwarded|deleted|published|printed|booked)\\b[^.!?\\n]{0,50}?\\b(?:by mistake|by accident|in error|accidentally|to the wrong|the wrong)\\b|\\b${THIRD_PARTY}(?:'s)?(?: \\w+){0,2}? (?:made|caused|messed|mixed|dropped|failed|lost|deleted|didn't|did not|forgot|missed|misread|misprinted|misunderstood|never|double-?booked|over-?booked|cancell?ed|damaged|(?:sent|printed|gave us|provided|supplied|shipped|delivered|used) (?:us |you )?(?:the |an? )?(?:wrong|incorrect|outdated|old|damaged|late)|got (?:\\w+ )?wrong|delivered (?:late|it late)|was (?:late|responsible|to blame|at fault|down|slow)|were (?:late|responsible|to blame|at fault|down|slow)|is (?:to blame|at fault|responsible)|had (?:an? )?(?:outage|glitch|bug|error|problem|issue|fault|mix-?up|delay)|went down|crashed|broke|introduced|let us down|error|mistake|glitch|bug|outage|fault|mix-?up|screwed up|messed up)\\b|\\b(?:was|is|were)(?: entirely| completely| really| actually| all)? (?:the|their|a) (?:\\w+ )?\\w+'s? (?:fault|mistake|error|doing)\\b|\\b(?:the fault|the blame|the responsibility|the error|the mistake)(?: here)? (?:lies|lay|rests|rested|is|was|sits) (?:entirely |squarely |firmly )?(?:with|on) (?:the|their|your|a)\\b|\\bnot (?:really |entirely |strictly |technically )?(?:my|our) (?:fault|mistake|error|doing|responsibility)\\b|\\b(?:wasn't|was not|isn't|is not)(?: \\w+)? (?:my|our) (?:fault|mistake|error|doing)\\b|\\b(?:beyond|outside|out of) (?:our|my) (?:control|hands)\\b|\\bunforeseen (?:circumstances|events|issues|problems|delays)\\b|\\bforce majeure\\b|\\bact of god\\b|\\b(?:i|we) (?:was|were) (?:given|sent|told|provided|supplied|handed) (?:the |an? )?(?:wrong|incorrect|outdated|old|bad|inaccurate)\\b|\\b(?:a|an|the) (?:technical|system|computer|software|it|server|network) (?:glitch|error|issue|fault|problem|failure|hiccup|bug)\\b|\\b(?:glitch|bug|error|fault|outage) (?:in|with|on|at) (?:the|their) (?:system|software|platform|server|network|vendor|supplier|provider)\\b`
);
var MINIMIZATION = g2(
  `\\b(?:(?:any|the|this|that|some|slight|minor|small|little) inconveniences?(?: (?:this|it|that|we|i) (?:may|might) have caused| caused)?|(?:small|minor|slight|tiny|little|trivial|harmless|insignificant|teeny|wee) (?:hiccups?|glitch(?:es)?|issues?|errors?|mistakes?|mix-?ups?|oversights?|slips?|slip-ups?|typos?|problems?|blips?|snags?|hitch|bumps?|inaccurac(?:y|ies)|discrepanc(?:y|ies)|delays?|outages?|disruptions?|niggles?|misunderstandings?|mishaps?|gaffes?|inaccuracies)|hiccups?|blips?|(?:an? )?isolated (?:incident|case|issue|error|event|mistake|occurrence)|just (?:a|one|an|some) (?:\\w+ )?(?:typo|mistake|error|slip|glitch|small|minor|few|little|misunderstanding|oversight)|only (?:a few|a couple|a handful|a small number|one|two|minor|slightly|briefly|a minute|a little|a tiny|a small)|(?:no|not a) (?:big|huge|major|massive) deal|no harm done|no real harm|not (?:that|a|too) (?:big|serious|major|bad)|nothing (?:serious|major|significant|to worry about)|(?:minimal|limited|negligible|little) (?:impact|effect|disruption)|barely (?:noticeable|affected|a)|a (?:bit|little) (?:of a )?(?:mix-?up|delay|late|off|wrong|confusing|muddled)|slightly (?:off|wrong|late|incorrect|delayed|out)|(?:a )?tad (?:late|off))\\b`
);
var SELF_FOCUS = g2(
  `\\b(?:(?:i|we)(?:'ve| have)? (?:had|been having) (?:a |such a |the )?(?:rough|tough|hard|difficult|terrible|awful|stressful|horrible|long|nightmare|exhausting|draining|miserable)(?: \\w+)? (?:week|day|month|time|year|few (?:days|weeks)|couple of (?:days|weeks)|stretch|period)|(?:this|it|that|everything|(?:this|the) (?:whole |last |past )?(?:week|month|day|year|process|situation))(?: whole week)?(?: has been| was|'s been| is| has all been) (?:so |really |very |incredibly |extremely |quite )?(?:stressful|hard|difficult|upsetting|embarrassing|exhausting|painful|tough|awful|humiliating|draining|a nightmare) for (?:me|us|our team|my team|everyone here|all of us|me personally)|(?:i|we)(?:'ve| have)? (?:been )?(?:losing sleep|lost sleep|not slept|haven't slept|hardly slept|barely slept|beating (?:myself|ourselves) up|kicking (?:myself|ourselves)|been in tears|cried|could cry|had to work (?:all night|all weekend|late|through the night|overtime)|had to cancel (?:my|our)|been (?:under|dealing with) (?:a lot of|so much|huge|enormous) (?:stress|pressure))|(?:i'm|i am|we're|we are|i was|we were|i feel|we feel|i felt|we felt|i've been|we've been) (?:so |really |very |completely |absolutely |totally |just )?(?:stressed(?: out)?|exhausted|devastated|overwhelmed|drained|frazzled|burnt out|burned out|worn out|heartbroken|crushed|shattered|a wreck|in pieces)|you (?:have no idea|can't imagine|cannot imagine) how (?:\\w+ ){0,2}(?:bad|terrible|awful|hard|stressful|embarrassed|upset|guilty)|(?:cost|costs|costing) (?:me|us) (?:\\w+ ){0,3}(?:money|hours|days|sleep|weekend|evening|night|a fortune|dearly)|my (?:reputation|weekend|evening|stress|anxiety|health|nerves|sanity)|(?:i|we) (?:hate|can't stand) (?:that|when|myself)|(?:spare a thought|think) (?:for|of) (?:me|us|our team))\\b`
);
var SORRY_BUT = g2(
  `\\b(?:sorry|apologi[sz]e[sd]?|apologies|apology|regret)\\b[^.!?\\n]{0,80}?(?:,|;|\\s)\\s*(but|however|although|though|that said|having said that)\\b`
);
var ARGUING = g2(
  `\\b(?:to be fair|in (?:all )?fairness|technically(?: speaking)?|strictly speaking|in (?:our|my) defen[cs]e|for the record|(?:as|like) (?:i|we) (?:mentioned|said|stated|explained|noted|pointed out|told you|clarified|have said|had said|made clear|flagged)(?: (?:before|previously|earlier|in (?:my|our) (?:last|previous) (?:email|message)|on the call))?|per (?:my|our) (?:last|previous|earlier) (?:email|message|note)|as per (?:my|our) (?:last|previous|earlier)|as you (?:may|will|might|should) (?:recall|remember|know)|if you (?:re-?read|look back at|check|read) (?:the|my|our|your) (?:email|contract|brief|agreement|thread|message|terms|proposal|quote|invoice)|(?:the|our) (?:contract|agreement|terms|brief|proposal|sow|statement of work|quote)(?: \\w+)? (?:clearly )?(?:states?|says|said|stated|specifies|specified|stipulates)|(?:it|this|that) (?:wasn't|was not|isn't|is not) (?:technically|strictly|really|actually) (?:a |an )?(?:mistake|error|wrong|late)|(?:we|i) did (?:actually |technically |in fact )?(?:deliver|send|meet|follow|do|tell|mention|reply|warn|flag|include)|actually|in fact|with respect|with all due respect)\\b`
);
var GROVEL = g2(
  `\\b(?:(?:i'm|i am|i feel like|i feel|i was|i've been) (?:such |a complete |an absolute |a total |so |completely |totally |utterly |truly )?(?:an? )?(?:idiot|fool|moron|useless|incompetent|hopeless|pathetic|failure|disgrace|disaster|embarrassment|the worst|terrible at (?:my|this) job|not good enough|unworthy|stupid|worthless)|(?:i|we) (?:do not|don't) deserve|i(?:'ll| will) never forgive myself|(?:i|we)(?: beg| am begging| are begging|'m begging|'re begging)|(?:on|down on) (?:my|our|bended) knees?|grovel\\w*|unforgivable|how (?:could|can) (?:i|we) (?:be|have been) so|i (?:can't|cannot) believe (?:i|we|how)|i hate myself|a (?:thousand|million|hundred) apologies|(?:i|we) (?:can(?:'t|not)|could never) apologi[sz]e enough|words cannot express|there are no words|please don't (?:fire|leave|hate|drop|sack) (?:me|us)|(?:so|very|really|truly|deeply),? (?:so|very|really|truly|deeply),? (?:so |very |really |truly |deeply )*sorry|sorry,? sorry|i'm the worst)\\b`
);
var VAGUE_WRONG_NOUN = g2(
  `\\b(?:sorry|apologi[sz]e[sd]?|apologies|apology|regret)(?: \\w+){0,3}? (?:for|about|over) ((?:the|this|that|these|those|any|all|our|my) (?:issues?|problems?|situation|matter|incident|trouble|confusion|mix-?up|errors?|mistakes?|hiccups?|oversight|mishap|inconvenience|mess|recent (?:\\w+ )?(?:issue|problem|events?|incident)|whole (?:thing|situation|affair))|what happened|everything|all (?:this|that|of this))\\b`
);
var STOPWORDS = new Set(
  "the a an and or but of to in on at for with from by about as into over after before this that these those it its is was were be been being are has have had do does did not no yes we i you your our my me us they them their he she his her wrong mistake error issue problem incorrect sent send client clients customer mistakes errors issues problems which who what when where why how than then there here also just only very more most some any all one two new old via per etc".split(
    " "
  )
);

// src/engine/guard/tokenise.ts
var LETTER = /[\p{L}\p{M}]/u;
var DIGIT = /\p{Nd}/u;
function isAsciiLetter(c) {
  return c >= 97 && c <= 122 || c >= 65 && c <= 90;
}
function isDigit(c) {
  return c >= 48 && c <= 57;
}
function isSpace(c) {
  return c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 11 || c === 160 || c >= 8192 && c <= 8203 || c === 8232 || c === 8233 || c === 12288 || c === 8239 || c === 65279 || c === 5760 || c === 8287;
}
function isApostrophe(c) {
  return c === 39 || c === 8217;
}
function letterAt(text, i) {
  const c = text.charCodeAt(i);
  if (c < 128) return isAsciiLetter(c) ? 1 : 0;
  if (c >= 55296 && c <= 56319 && i + 1 < text.length) {
    const pair = text.slice(i, i + 2);
    return LETTER.test(pair) ? 2 : 0;
  }
  return LETTER.test(text.charAt(i)) ? 1 : 0;
}
function nonAsciiDigitAt(text, i) {
  const c = text.charCodeAt(i);
  return c >= 128 && DIGIT.test(text.charAt(i));
}
var TLDS = new Set(
  "com net org io co uk us ca au nz ie de fr es it nl be ch at se no dk fi pl pt eu in jp cn sg hk za br mx app dev ai info biz me tv ly gg edu gov shop store site online tech cloud studio agency design health xyz page live blog news email link today global digital world media group company solutions services systems network academy club life space team work zone co.uk org.uk ac.uk com.au".split(
    " "
  )
);
var ABBREVIATIONS = /* @__PURE__ */ new Set([
  "mr",
  "mrs",
  "ms",
  "mx",
  "dr",
  "st",
  "vs",
  "inc",
  "ltd",
  "jr",
  "sr",
  "approx",
  "dept",
  "prof",
  "corp",
  "fig",
  "mt",
  "rev",
  "ref",
  "tel",
  "ext"
]);
function chunkEnd(text, i) {
  let j = i;
  while (j < text.length && !isSpace(text.charCodeAt(j))) j++;
  while (j > i) {
    const c = text.charCodeAt(j - 1);
    if (c === 46 || c === 44 || c === 59 || c === 58 || c === 33 || c === 63 || c === 41 || c === 93 || c === 125 || c === 62 || c === 34 || c === 39 || c === 8221 || c === 8217 || c === 42)
      j--;
    else break;
  }
  return j;
}
var EMAIL = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/;
var DOMAIN = /^[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.([a-z]{2,}(?:\.[a-z]{2})?)(?::\d+)?(?:[/?#]\S*)?$/;
function classifyChunk(chunk) {
  if (chunk.includes("://") || /^www\./i.test(chunk)) return "url";
  if (chunk.includes("@")) return EMAIL.test(chunk) ? "email" : "code";
  const domain = DOMAIN.exec(chunk);
  if (domain && TLDS.has(domain[1])) return "url";
  if (/[A-Za-z0-9]_[A-Za-z0-9]|[=\\{}<>|]|\w\.\w*[a-z]\w*\(/.test(chunk)) return "code";
  if (/\p{L}\.\p{L}/u.test(chunk)) return "code";
  if (/\/.*\//.test(chunk) && !/^[\d/.-]+$/.test(chunk)) return "code";
  return null;
}
function tokenise(text) {
  const tokens = [];
  const n = text.length;
  let i = 0;
  let newlines = 0;
  let space = true;
  let atStart = true;
  const push = (kind, start, end, nonAscii = false, hasCurly = false, lower = false) => {
    const raw = text.slice(start, end);
    let norm = lower || kind === "punct" ? raw : raw.toLowerCase();
    if (hasCurly) norm = norm.replace(/\u2019/g, "'");
    const isWordish = kind !== "punct";
    tokens.push({
      kind,
      start,
      end,
      text: raw,
      norm,
      sentenceStart: isWordish && atStart,
      newlines,
      spaceBefore: space,
      nonAscii
    });
    newlines = 0;
    space = false;
    if (isWordish) atStart = false;
  };
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 32 || isSpace(c)) {
      if (c === 10 || c === 8232 || c === 8233) {
        newlines++;
        atStart = true;
      }
      space = true;
      i++;
      continue;
    }
    if (c === 96 && text.startsWith("```", i)) {
      const close = text.indexOf("```", i + 3);
      const end = close === -1 ? n : close + 3;
      push("code", i, end);
      i = end;
      continue;
    }
    if (c === 96) {
      let j = i + 1;
      while (j < n && j - i < 300 && text.charCodeAt(j) !== 96 && text.charCodeAt(j) !== 10) j++;
      if (j < n && text.charCodeAt(j) === 96 && j > i + 1) {
        push("code", i, j + 1);
        i = j + 1;
        continue;
      }
      push("punct", i, i + 1);
      i++;
      continue;
    }
    const letterLen = letterAt(text, i);
    const digit = isDigit(c) || c >= 128 && letterLen === 0 && nonAsciiDigitAt(text, i);
    if (letterLen === 0 && !digit) {
      const before2 = tokens[tokens.length - 1];
      push("punct", i, i + 1);
      if (c === 33 || c === 63 || c === 8230) atStart = true;
      else if (c === 46 && !(before2 && before2.end === i && before2.kind === "word" && ABBREVIATIONS.has(before2.norm)))
        atStart = true;
      i++;
      continue;
    }
    const start = i;
    let letters = 0;
    let digits = 0;
    let nonAscii = false;
    let curly = false;
    let upper = false;
    let firstDigitAt = -1;
    let lastLetterAt = -1;
    let letterAfterDigit = false;
    while (i < n) {
      const ch = text.charCodeAt(i);
      const lowered = ch | 32;
      if (lowered >= 97 && lowered <= 122) {
        if (ch <= 90) upper = true;
        letters++;
        if (digits > 0) letterAfterDigit = true;
        lastLetterAt = i;
        i++;
        continue;
      }
      const ll = ch >= 128 ? letterAt(text, i) : 0;
      if (ll > 0) {
        nonAscii = true;
        letters++;
        if (digits > 0) letterAfterDigit = true;
        lastLetterAt = i;
        i += ll;
        continue;
      }
      if (isDigit(ch) || ch >= 128 && nonAsciiDigitAt(text, i)) {
        if (firstDigitAt === -1) firstDigitAt = i;
        digits++;
        i++;
        continue;
      }
      if (isApostrophe(ch) && i > start && letterAt(text, i + 1) > 0 && lastLetterAt === i - 1) {
        if (ch === 8217) curly = true;
        i++;
        continue;
      }
      if ((ch === 44 || ch === 46 || ch === 58) && digits > 0 && letters === 0 && isDigit(text.charCodeAt(i - 1)) && isDigit(text.charCodeAt(i + 1))) {
        i++;
        continue;
      }
      break;
    }
    const next = i < n ? text.charCodeAt(i) : 0;
    if (next === 64 || next === 95 || next === 58 || next === 46 || next === 47 || next === 92) {
      const end = chunkEnd(text, start);
      if (end > i) {
        const kind2 = classifyChunk(text.slice(start, end));
        if (kind2) {
          push(kind2, start, end);
          i = end;
          continue;
        }
      }
    }
    let kind;
    if (letters === 0) kind = "number";
    else if (digits === 0) kind = "word";
    else if (firstDigitAt === start && letterAfterDigit && !/\d/.test(text.slice(lastLetterAt, i))) kind = "number";
    else kind = "mixed";
    push(kind, start, i, nonAscii, curly, !upper && !nonAscii);
  }
  return tokens;
}
function prevWordIndex(tokens, i) {
  const t = tokens[i];
  if (!t || t.newlines > 0) return -1;
  const p = tokens[i - 1];
  return p && p.kind !== "punct" ? i - 1 : -1;
}
function nextWordIndex(tokens, i) {
  const t = tokens[i + 1];
  return t && t.kind !== "punct" && t.newlines === 0 ? i + 1 : -1;
}

// src/engine/guard/attachment.ts
var ATTACHMENT_WORDS = /* @__PURE__ */ new Set([
  "attached",
  "attachment",
  "attachments",
  "attaching",
  "enclosed",
  "enclosing",
  "attach"
]);
var NOT_OURS = /* @__PURE__ */ new Set([
  "your",
  "their",
  "his",
  "her",
  "no",
  "without",
  "any",
  "an",
  "email",
  "large",
  "max",
  "maximum",
  "size"
]);
var FUTURE = /* @__PURE__ */ new Set([
  "will",
  "i'll",
  "we'll",
  "shall",
  "can",
  "could",
  "to",
  "won't",
  "would",
  "should",
  "may",
  "might",
  "forgot",
  "forget",
  "please",
  "couldn't",
  "can't"
]);
function announcesAttachment(tokens, i) {
  const t = tokens[i];
  const p = prevWordIndex(tokens, i);
  const prev = p === -1 ? "" : tokens[p].norm;
  const nx = nextWordIndex(tokens, i);
  const next = nx === -1 ? "" : tokens[nx].norm;
  switch (t.norm) {
    case "attached":
      if (next === "to") {
        const n2 = nx === -1 ? -1 : nextWordIndex(tokens, nx);
        const after2 = n2 === -1 ? "" : tokens[n2].norm;
        return after2 === "this" || after2 === "the" ? /^(?:email|message|mail|e-mail)$/.test(tokens[n2 + 1]?.norm ?? "") : false;
      }
      return !NOT_OURS.has(prev) && prev !== "not" && prev !== "be" && prev !== "get" && prev !== "gets";
    case "attachment":
    case "attachments":
      if (NOT_OURS.has(prev) || FUTURE.has(prev)) return false;
      return prev === "the" || prev === "see" || prev === "in" || prev === "this" || prev === "my" || prev === "our" || prev === "find" || prev === "as" || next === "is" || next === "are" || next === "below" || next === "contains" || next === "includes" || next === "shows" || next === "has";
    case "attaching":
      return prev === "i'm" || prev === "we're" || prev === "am" || prev === "are" || prev === "also" || prev === "now";
    case "attach":
      return false;
    case "enclosed":
      return prev === "find" || prev === "is" || prev === "are" || prev === "i've" || prev === "we've" || prev === "have" || prev === "please" || next === "is" || next === "are" || next === "please" || next === "you" || next === "the" || next === "a" || next === "an" || next === "our" || next === "your";
    case "enclosing":
      return prev === "i'm" || prev === "we're" || prev === "am" || prev === "are" || prev === "also";
    default:
      return false;
  }
}

// src/engine/guard/near-miss.ts
function boundedDistance(a, b, max) {
  if (a === b) return 0;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  if (la === 0) return lb;
  if (lb === 0) return la;
  if (lb + 1 > rowA.length) {
    rowA = new Int32Array(lb + 1);
    rowB = new Int32Array(lb + 1);
    rowC = new Int32Array(lb + 1);
  }
  let prev2 = rowA;
  let prev = rowB;
  let cur = rowC;
  for (let j = 0; j <= lb; j++) {
    prev[j] = j;
    prev2[j] = 0;
  }
  for (let i = 1; i <= la; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1);
      const cost = ca === cb ? 0 : 1;
      let v = prev[j] + 1;
      const ins = cur[j - 1] + 1;
      if (ins < v) v = ins;
      const sub = prev[j - 1] + cost;
      if (sub < v) v = sub;
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        const tr = prev2[j - 2] + 1;
        if (tr < v) v = tr;
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  const d = prev[lb];
  return d > max ? max + 1 : d;
}
var rowA = new Int32Array(64);
var rowB = new Int32Array(64);
var rowC = new Int32Array(64);
function isTransposition(a, b) {
  if (a.length !== b.length || a === b) return false;
  let i = 0;
  while (i < a.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i >= a.length - 1) return false;
  if (a.charCodeAt(i) !== b.charCodeAt(i + 1) || a.charCodeAt(i + 1) !== b.charCodeAt(i)) return false;
  return a.slice(i + 2) === b.slice(i + 2);
}
var NearMissIndex = class {
  variants = /* @__PURE__ */ new Map();
  keys = [];
  payloads = [];
  /** Number of stored entries. */
  get size() {
    return this.keys.length;
  }
  /** Stores `payload` under `key`. */
  add(key, payload) {
    const id = this.keys.length;
    this.keys.push(key);
    this.payloads.push(payload);
    this.put(key, id);
    for (let i = 0; i < key.length; i++) {
      if (i > 0 && key.charCodeAt(i) === key.charCodeAt(i - 1)) continue;
      this.put(key.slice(0, i) + key.slice(i + 1), id);
    }
  }
  put(variant, id) {
    const list = this.variants.get(variant);
    if (!list) this.variants.set(variant, [id]);
    else if (list[list.length - 1] !== id) list.push(id);
  }
  /** Entries whose key is within distance 1 of `query` and not equal to it, closest first, in insertion order. */
  near(query) {
    if (this.stamps.length < this.keys.length) {
      const grown = new Int32Array(Math.max(16, this.keys.length * 2));
      grown.set(this.stamps);
      this.stamps = grown;
    }
    const stamp = ++this.query;
    let out = null;
    for (let i = -1; i < query.length; i++) {
      if (i > 0 && query.charCodeAt(i) === query.charCodeAt(i - 1)) continue;
      const ids = this.variants.get(i === -1 ? query : query.slice(0, i) + query.slice(i + 1));
      if (!ids) continue;
      for (const id of ids) {
        if (this.stamps[id] === stamp) continue;
        this.stamps[id] = stamp;
        const key = this.keys[id];
        if (key === query) continue;
        const d = boundedDistance(query, key, 1);
        if (d <= 1) (out ??= []).push({ key, payload: this.payloads[id], distance: d });
      }
    }
    return out ?? [];
  }
  stamps = new Int32Array(16);
  query = 0;
};

// src/engine/guard/words.ts
var BUSINESS_AND_TECH = `
zoom figma shopify slack asana trello jira confluence notion airtable hubspot salesforce mailchimp
klaviyo stripe paypal quickbooks xero freshbooks zendesk intercom calendly docusign dropbox gdrive
onedrive sharepoint gmail outlook loom miro canva wix squarespace wordpress woocommerce webflow
bigcommerce magento godaddy cloudflare netlify vercel heroku github gitlab bitbucket zapier typeform
surveymonkey hootsuite buffer linkedin instagram facebook tiktok youtube pinterest whatsapp
telegram imessage icloud macos ios ipados android iphone ipad macbook chromebook airpods google
youtube vimeo wistia twilio sendgrid mailgun postmark okta auth0 aws azure gcp firebase supabase
mongodb postgres postgresql mysql sqlite redis kafka kubernetes docker terraform ansible datadog
grafana sentry pagerduty statuspage opsgenie newrelic splunk tableau looker powerbi metabase
segment mixpanel amplitude hotjar semrush ahrefs moz yoast gusto rippling bamboohr workday
netsuite sage pipedrive monday.com clickup basecamp smartsheet wrike teamwork harvest toggl
expensify ramp brex bill.com square venmo zelle wise revolut klarna afterpay shopify's etsy
ebay amazon walmart costco fedex ups usps dhl royalmail hermes evri doordash ubereats grubhub
deliveroo opentable resy mindbody vagaro booksy fresha acuity glossgenius squareup toast lightspeed
clover handwrytten printful printify vistaprint moo
backend frontend fullstack onboarding offboarding onboard onboarded offboard preboarding
kpi kpis okr okrs roi sla slas sow nda ndas msa rfp rfq rfi poc mvp saas paas iaas crm erp
cms cdn seo sem ppc cpc cpm ctr cta ctas ux ui qa uat api apis sdk sdks sso mfa 2fa otp url urls
ui/ux b2b b2c d2c dtc smb smbs eod eow eom cob ooo pto wfh asap fyi tbc eta etas faq faqs
csv pdf pdfs png jpg jpeg svg gif mp4 xlsx docx pptx zip html css json xml yaml sql npm
webhook webhooks workflow workflows dashboard dashboards checkout checkouts signup signups
login logins logout sign-in sign-up opt-in opt-out optin optout unsubscribe unsubscribes
unsubscribed resubscribe dropdown dropdowns popup popups tooltip tooltips navbar sidebar
homepage homepages landing webpage webpages microsite microsites subdomain subdomains hostname
username usernames passcode passcodes passwordless captcha recaptcha cookie cookies
timestamp timestamps timezone timezones datetime uptime downtime failover rollback rollbacks
hotfix hotfixes bugfix bugfixes changelog changelogs roadmap roadmaps backlog backlogs
sprint sprints standup standups retro retros kickoff kickoffs offsite offsites onsite
deliverable deliverables stakeholder stakeholders upsell upsells upselling cross-sell
cross-selling upsold rebrand rebrands rebranding rebranded preorder preorders presale presales
prepaid postpaid prorated prorate proration invoicing invoiced reinvoice reissue reissued
refundable nonrefundable chargeback chargebacks payout payouts paywall subtotal subtotals
upfront pre-approved preapproved reschedule rescheduled rescheduling recurring autopay
autorenew auto-renew auto-renewal renewals walkthrough walkthroughs rollout rollouts
go-live golive livestream livestreams livestreaming webinar webinars podcast podcasts
newsletter newsletters ebook ebooks infographic infographics mockup mockups wireframe wireframes
prototype prototypes storyboard storyboards moodboard moodboards colorway colourway
copywriting copywriter copyedit copyedits proofread proofreading proofed typo typos
hashtag hashtags retweet repost reposts reel reels influencer influencers ugc
geotargeting retargeting remarketing lookalike analytics attribution conversions
benchmarking scalable scalability reusable customizable customisable configurable
integrations integration plugin plugins add-on add-ons addon addons extension extensions
app apps microservice microservices serverless devops devsecops fintech healthtech edtech
proptech insurtech martech adtech ecommerce e-commerce omnichannel multichannel
fulfillment fulfilment dropship dropshipping warehousing restock restocked restocking
backorder backordered backorders sku skus upc barcode barcodes qr rfid pos
bookkeeping payroll reimbursements reimbursable timesheet timesheets headcount
contractor freelancer freelance freelancers subcontractor subcontractors
coworking cowork hybrid async asynchronous sync syncing synced resync resynced
screenshot screenshots screencast screenshare screensharing livechat chatbot chatbots
email emails emailed emailing e-mail e-mails inbox inboxes cc bcc cc'd bcc'd
voicemail voicemails callback callbacks hotline helpdesk helpline
followup follow-ups check-in check-ins checkin checkins catchup catch-up touchpoint touchpoints
touchbase heads-up handoff handoffs handover handovers signoff sign-off signoffs
pre-launch prelaunch relaunch relaunched soft-launch go-to-market gtm
onsite offline online on-site in-person inperson teammate teammates
ok okay alright lol btw imo tldr tl;dr
covid covid-19 hipaa gdpr ccpa pci soc2 iso wcag ada
`;
var CURATED_WORDS = BUSINESS_AND_TECH.split(/\s+/).filter((w) => w.length > 0);
var INFLECTIONS = ["'s", "s", "es", "ed", "d", "ing", "er", "ers"];

// src/engine/guard/spelling.ts
var CACHE_LIMIT = 1e5;
var correctCaches = /* @__PURE__ */ new WeakMap();
function cachedCorrect(speller2, word) {
  let cache = correctCaches.get(speller2);
  if (!cache) {
    cache = /* @__PURE__ */ new Map();
    correctCaches.set(speller2, cache);
  }
  const hit = cache.get(word);
  if (hit !== void 0) return hit;
  let ok;
  try {
    ok = speller2.correct(word);
  } catch {
    ok = true;
  }
  if (cache.size >= CACHE_LIMIT) trimOldest(cache);
  cache.set(word, ok);
  return ok;
}
function trimOldest(map) {
  let drop = map.size >> 1;
  for (const key of map.keys()) {
    if (drop-- <= 0) break;
    map.delete(key);
  }
}
var HYPHEN_PREFIXES = /* @__PURE__ */ new Set([
  "re",
  "pre",
  "co",
  "non",
  "multi",
  "anti",
  "self",
  "un",
  "sub",
  "mid",
  "post",
  "semi",
  "inter",
  "over",
  "under",
  "ex",
  "e",
  "x",
  "de",
  "bi",
  "tri",
  "mis",
  "out",
  "cross",
  "auto",
  "micro",
  "mini",
  "mega",
  "ultra",
  "pro",
  "hands",
  "long",
  "short",
  "well",
  "full",
  "part",
  "half",
  "all",
  "high",
  "low",
  "built",
  "opt",
  "log",
  "sign",
  "set",
  "follow",
  "check",
  "catch",
  "hand",
  "kick",
  "roll",
  "drop",
  "pop",
  "pick",
  "add",
  "plug",
  "touch",
  "go",
  "on"
]);
var VOWELS = /* @__PURE__ */ new Set(["a", "e", "i", "o", "u", "y"]);
var KEYBOARD = {
  q: "wa",
  w: "qeas",
  e: "wrsd",
  r: "etdf",
  t: "ryfg",
  y: "tugh",
  u: "yihj",
  i: "uojk",
  o: "ipkl",
  p: "ol",
  a: "qwsz",
  s: "awedxz",
  d: "serfcx",
  f: "drtgvc",
  g: "ftyhbv",
  h: "gyujnb",
  j: "huikmn",
  k: "jiolm",
  l: "kop",
  z: "asx",
  x: "zsdc",
  c: "xdfv",
  v: "cfgb",
  b: "vghn",
  n: "bhjm",
  m: "njk"
};
var ALPHABET = "abcdefghijklmnopqrstuvwxyz";
var LEET = {
  "0": ["o"],
  "1": ["l", "i"],
  "3": ["e"],
  "4": ["a"],
  "5": ["s"],
  "7": ["t"],
  "8": ["b"],
  "9": ["g"],
  "6": ["b", "g"],
  "2": ["z"]
};
function isUpper(c) {
  return c !== c.toLowerCase() && c === c.toUpperCase();
}
function matchCase(model, word) {
  if (model.length > 1 && model === model.toUpperCase() && model !== model.toLowerCase()) return word.toUpperCase();
  if (model.length > 0 && isUpper(model.charAt(0))) return word.charAt(0).toUpperCase() + word.slice(1);
  return word;
}
var SPELL_OK = 0;
var SPELL_BAD = 1;
var SPELL_CAPITALISED = 2;
var OK = { verdict: SPELL_OK, fix: null };
var Spelling = class {
  constructor(speller2, workspaceWords) {
    this.speller = speller2;
    for (const w of CURATED_WORDS) this.addKnown(w, false);
    for (const w of workspaceWords) this.addKnown(w, true);
  }
  speller;
  known = /* @__PURE__ */ new Set();
  /** Workspace words as written (vocabulary, names, terms), by lower case, for suggestions. */
  nearKnown = new NearMissIndex();
  suggestions = /* @__PURE__ */ new Map();
  addKnown(word, suggestable) {
    const norm = word.toLowerCase().replace(/\u2019/g, "'");
    if (norm.length === 0 || this.known.has(norm)) return;
    this.known.add(norm);
    if (norm.includes("-")) {
      for (const part of norm.split("-")) if (part) this.known.add(part);
    }
    if (suggestable && norm.length >= 3 && /^[\p{L}'-]+$/u.test(norm)) this.nearKnown.add(norm, word);
  }
  /** The word (lower case) is one of the workspace's or curated words, maybe inflected. */
  isKnown(norm) {
    if (this.known.has(norm)) return true;
    for (const ending of INFLECTIONS) {
      if (norm.length > ending.length + 1 && norm.endsWith(ending) && this.known.has(norm.slice(0, -ending.length)))
        return true;
    }
    return false;
  }
  /** Whether the dictionary (or, without one, the known words) accepts the word. */
  dictionaryHas(word) {
    if (this.isKnown(word.toLowerCase())) return true;
    return this.speller ? cachedCorrect(this.speller, word) : false;
  }
  /**
   * The context-free verdict on a word as written: SPELL_OK, SPELL_BAD (misspelled wherever it
   * stands), or SPELL_CAPITALISED (an unknown capitalised word: a typo only at the start of a
   * sentence, where capitals do not mark a name). Mixed letter-digit words carry their fix.
   */
  classify(t) {
    if (t.kind === "mixed") return this.classifyMixed(t);
    if (t.kind !== "word" || t.nonAscii) return OK;
    const text = t.text;
    const len = text.length;
    if (len < 2 || len > 40) return OK;
    const firstUpper = isUpper(text.charAt(0));
    let upperCount = firstUpper ? 1 : 0;
    if (t.norm !== text) {
      for (let k = 1; k < len; k++) if (isUpper(text.charAt(k))) upperCount++;
    }
    if (upperCount === len || upperCount > (firstUpper ? 1 : 0)) return OK;
    if (this.isKnown(t.norm)) return OK;
    if (!this.speller) {
      const near = this.nearKnown.near(t.norm);
      return near.length === 0 ? OK : { verdict: firstUpper ? SPELL_CAPITALISED : SPELL_BAD, fix: matchCase(text, near[0].payload) };
    }
    if (cachedCorrect(this.speller, text)) return OK;
    const apostrophe = t.norm.indexOf("'");
    if (apostrophe > 0) {
      const stem = t.norm.slice(0, apostrophe);
      if (this.isKnown(stem) || cachedCorrect(this.speller, text.slice(0, apostrophe))) return OK;
    }
    return { verdict: firstUpper ? SPELL_CAPITALISED : SPELL_BAD, fix: null };
  }
  /** "Ap0logies": a digit between letters is a typo when it stands for a letter. */
  classifyMixed(t) {
    const text = t.text;
    if (!/\p{L}\p{Nd}+\p{L}/u.test(text) || this.isKnown(t.norm)) return OK;
    const letters = text.replace(/[^\p{L}]/gu, "");
    if (letters === letters.toUpperCase()) return OK;
    const fixed = this.leet(text);
    if (fixed) return { verdict: SPELL_BAD, fix: fixed };
    return letters.length >= 4 ? { verdict: SPELL_BAD, fix: null } : OK;
  }
  /** Whether the token at `i` is a prefix written with a hyphen (re-send, co-founder). */
  static hyphenPrefix(tokens, i) {
    const next = tokens[i + 1];
    return !!next && next.kind === "punct" && !next.spaceBefore && next.text === "-" && HYPHEN_PREFIXES.has(tokens[i].norm);
  }
  leet(text) {
    let variants = [""];
    for (const c of text) {
      const options = LEET[c];
      const next = [];
      for (const v of variants) {
        if (options)
          for (const o of options) next.push(v + (isUpper(v.slice(-1)) && v.length > 1 ? o.toUpperCase() : o));
        else next.push(v + c);
      }
      variants = next.slice(0, 16);
    }
    for (const v of variants) if (!/\d/.test(v) && this.dictionaryHas(v)) return v;
    return null;
  }
  /** The best replacement for a misspelled word (case kept), or null. Memoised. */
  suggest(word) {
    const cached = this.suggestions.get(word);
    if (cached !== void 0) return cached;
    const lower = word.toLowerCase();
    let best = null;
    const near = this.nearKnown.near(lower);
    if (near.length > 0) best = near[0].payload;
    else if (this.speller) {
      best = this.bestEdit(lower, 1) ?? (lower.length >= 5 ? this.bestEdit(lower, 2) : null);
      if (best) best = matchCase(word, best);
    }
    if (this.suggestions.size >= 1e4) trimOldest(this.suggestions);
    this.suggestions.set(word, best);
    return best;
  }
  /** The best dictionary word one edit away (or two, through a doubled/undoubled letter first). */
  bestEdit(word, distance) {
    const speller2 = this.speller;
    let bestWord = null;
    let bestScore = Infinity;
    const consider = (candidate, score, verified = false) => {
      if (score > bestScore || candidate.length === 0) return;
      if (score === bestScore && bestWord !== null && candidate >= bestWord) return;
      if (!verified && !cachedCorrect(speller2, candidate)) return;
      bestWord = candidate;
      bestScore = score;
    };
    const sources = distance === 1 ? [word] : doubledVariants(word);
    for (const src of sources) {
      const base = distance === 1 ? 0 : 5;
      const n = src.length;
      for (let i = 0; i < n - 1; i++) {
        if (src[i] !== src[i + 1]) consider(src.slice(0, i) + src[i + 1] + src[i] + src.slice(i + 2), base);
      }
      for (let i = 0; i < n; i++) {
        const c = src[i];
        const doubled = i > 0 && src[i - 1] === c || src[i + 1] === c;
        consider(src.slice(0, i) + src.slice(i + 1), base + (doubled ? 1 : 3));
      }
      for (let i = 0; i <= n; i++) {
        for (const c of ALPHABET) {
          const doubles = src[i - 1] === c || src[i] === c;
          consider(src.slice(0, i) + c + src.slice(i), base + (doubles ? 1 : 3));
        }
      }
      for (let i = 0; i < n; i++) {
        const orig = src[i];
        const near = KEYBOARD[orig] ?? "";
        for (const c of ALPHABET) {
          if (c === orig) continue;
          const score = VOWELS.has(c) && VOWELS.has(orig) ? 2 : near.includes(c) ? 2 : 4;
          consider(src.slice(0, i) + c + src.slice(i + 1), base + score);
        }
      }
      if (distance === 1) {
        for (let i = Math.max(1, n - 3); i < n; i++) consider(`${src.slice(0, i)}'${src.slice(i)}`, 1);
        for (let i = 1; i < n; i++) {
          const a = src.slice(0, i);
          const b = src.slice(i);
          if ((a.length > 1 || a === "a" || a === "i") && b.length > 1 && cachedCorrect(speller2, a) && cachedCorrect(speller2, b))
            consider(`${a} ${b}`, 3, true);
        }
      }
    }
    return bestWord;
  }
};
function doubledVariants(word) {
  const out = /* @__PURE__ */ new Set();
  for (let i = 0; i < word.length; i++) {
    if (word[i] === word[i + 1]) out.add(word.slice(0, i) + word.slice(i + 1));
    else out.add(word.slice(0, i + 1) + word[i] + word.slice(i + 1));
  }
  out.delete(word);
  return [...out];
}

// src/engine/guard/confusables.ts
var MODALS = [
  "to",
  "will",
  "won't",
  "would",
  "could",
  "might",
  "may",
  "can",
  "cannot",
  "can't",
  "don't",
  "didn't",
  "doesn't",
  "not",
  "never",
  "i'll",
  "we'll",
  "you'll",
  "they'll",
  "i'd",
  "we'd",
  "should",
  "shouldn't",
  "wouldn't",
  "couldn't"
];
var COPULA = ["is", "was", "are", "were", "be", "been", "being", "isn't", "wasn't", "aren't", "weren't", "not"];
var POSSESSED = [
  "own",
  "account",
  "order",
  "invoice",
  "team",
  "website",
  "email",
  "business",
  "details",
  "payment",
  "request",
  "feedback",
  "message",
  "name",
  "booking",
  "appointment",
  "subscription",
  "password",
  "company",
  "project",
  "file",
  "files",
  "data",
  "reservation",
  "staff",
  "customers",
  "clients",
  "office"
];
var COMPARATIVES = [
  "more",
  "less",
  "better",
  "worse",
  "faster",
  "slower",
  "higher",
  "lower",
  "greater",
  "fewer",
  "rather",
  "other",
  "bigger",
  "smaller",
  "cheaper",
  "easier",
  "harder",
  "longer",
  "shorter",
  "larger",
  "quicker",
  "stronger",
  "older",
  "newer",
  "different",
  "smoother",
  "clearer",
  "busier",
  "simpler"
];
var FREE_THINGS = [
  "upgrade",
  "upgrades",
  "breakfast",
  "shipping",
  "delivery",
  "consultation",
  "consultations",
  "session",
  "sessions",
  "access",
  "trial",
  "month",
  "months",
  "week",
  "coffee",
  "drinks",
  "tickets",
  "ticket",
  "parking",
  "wifi",
  "wi-fi",
  "copy",
  "copies",
  "samples",
  "sample",
  "gift",
  "gifts",
  "night",
  "class",
  "treatment",
  "facial",
  "massage",
  "setup",
  "installation",
  "review",
  "audit",
  "call",
  "pass",
  "extra",
  "tea",
  "water",
  "lunch",
  "dinner",
  "meal",
  "valet",
  "refill",
  "refills",
  "consult",
  "credit",
  "service"
];
var CONFUSABLES = [
  {
    word: "manger",
    fix: "manager",
    why: "\u201Cmanger\u201D is a feeding trough; you probably mean \u201Cmanager\u201D.",
    when: [
      { prevNot: ["a", "the"] },
      {
        prev: ["a", "the"],
        prev2: ["your", "our", "my", "account", "project", "office", "the", "a", "^", "with", "to", "and", "as"]
      }
    ]
  },
  { word: "mangers", fix: "managers", why: "\u201Cmangers\u201D are feeding troughs; you probably mean \u201Cmanagers\u201D.", when: [{}] },
  {
    word: "complement",
    fix: "compliment",
    why: "A \u201Ccomplement\u201D completes something; praise is a \u201Ccompliment\u201D.",
    when: [
      {
        prev: ["the", "your", "a", "kind", "lovely", "nice", "such", "great", "huge", "what"],
        next: ["$", "on", "from", "you"]
      }
    ]
  },
  {
    word: "complements",
    fix: "compliments",
    why: "Praise is \u201Ccompliments\u201D; \u201Ccomplements\u201D complete something.",
    when: [
      {
        prev: ["my", "our", "with", "and", "kind", "warm", "the", "your", "many", "thanks"],
        next: ["$", "to", "on", "from"]
      }
    ]
  },
  {
    word: "complementary",
    fix: "complimentary",
    why: "\u201CComplementary\u201D means completing; free of charge is \u201Ccomplimentary\u201D.",
    when: [{ next: FREE_THINGS }]
  },
  {
    word: "compliment",
    fix: "complement",
    why: "To go well with something is to \u201Ccomplement\u201D it; a \u201Ccompliment\u201D is praise.",
    when: [{ next: ["each", "one", "perfectly", "nicely", "beautifully"] }]
  },
  {
    word: "compliments",
    fix: "complements",
    why: "To go well with something is to \u201Ccomplement\u201D it; a \u201Ccompliment\u201D is praise.",
    when: [
      {
        next: ["each", "one", "perfectly", "nicely", "beautifully", "our", "your", "the"],
        prevNot: [
          "my",
          "our",
          "your",
          "with",
          "and",
          "kind",
          "warm",
          "the",
          "many",
          "thanks",
          "pay",
          "paid",
          "send",
          "sends",
          "sent",
          "give",
          "gave",
          "any",
          "no",
          "for",
          "of"
        ]
      }
    ]
  },
  {
    word: "complimentary",
    fix: "complementary",
    why: "\u201CComplimentary\u201D means free or praising; things that go well together are \u201Ccomplementary\u201D.",
    when: [
      { next: ["colours", "colors", "skills", "strengths", "roles", "expertise", "approaches", "skillsets", "skill"] }
    ]
  },
  {
    word: "its",
    fix: "it's",
    why: "\u201Cits\u201D is possessive; \u201Cit is\u201D / \u201Cit has\u201D is \u201Cit's\u201D.",
    when: [
      {
        next: [
          "been",
          "a",
          "an",
          "not",
          "going",
          "just",
          "so",
          "too",
          "also",
          "still",
          "now",
          "the",
          "here",
          "there",
          "my",
          "our",
          "your",
          "always",
          "never",
          "probably",
          "about",
          "worth",
          "getting",
          "taking",
          "looking",
          "working",
          "coming",
          "what",
          "why",
          "how",
          "that",
          "this",
          "because",
          "ok",
          "okay",
          "already",
          "gonna",
          "definitely",
          "unclear",
          "likely"
        ]
      }
    ]
  },
  {
    word: "it's",
    fix: "its",
    why: "\u201Cit's\u201D means \u201Cit is\u201D; the possessive is \u201Cits\u201D.",
    when: [
      {
        next: [
          "own",
          "name",
          "purpose",
          "users",
          "customers",
          "members",
          "staff",
          "employees",
          "owners",
          "contents",
          "website",
          "logo",
          "features",
          "price",
          "shape",
          "size",
          "colour",
          "color",
          "way"
        ]
      },
      { prev: ["of", "in", "on", "with", "for", "by", "from", "into", "about", "through", "under", "over"] }
    ]
  },
  {
    word: "loose",
    fix: "lose",
    why: "\u201Cloose\u201D means not tight; to misplace or fail to keep is \u201Close\u201D.",
    when: [{ prev: MODALS }]
  },
  { word: "loosing", fix: "losing", why: "\u201Cloosing\u201D means setting free; you probably mean \u201Closing\u201D.", when: [{}] },
  { word: "lose", fix: "loose", why: "\u201CLoose ends\u201D are loose, not lose.", when: [{ next: ["ends", "end"] }] },
  {
    word: "their",
    fix: "there",
    why: "\u201Ctheir\u201D is possessive; \u201Cthere is/are\u201D is \u201Cthere\u201D.",
    when: [{ next: ["is", "are", "was", "were", "isn't", "aren't", "wasn't", "weren't", "has", "have", "there's"] }]
  },
  {
    word: "their",
    fix: "they're",
    why: "\u201Ctheir\u201D is possessive; \u201Cthey are\u201D is \u201Cthey're\u201D.",
    when: [{ next: ["going", "coming", "not", "aware", "unable", "already", "currently"] }]
  },
  { word: "there", fix: "their", why: "\u201Cthere\u201D is a place; the possessive is \u201Ctheir\u201D.", when: [{ next: ["own"] }] },
  {
    word: "they're",
    fix: "their",
    why: "\u201Cthey're\u201D means \u201Cthey are\u201D; the possessive is \u201Ctheir\u201D.",
    when: [{ next: POSSESSED }]
  },
  {
    word: "then",
    fix: "than",
    why: "Comparisons take \u201Cthan\u201D; \u201Cthen\u201D is about time.",
    when: [
      { prev: COMPARATIVES, nextNot: ["$"] },
      {
        prev: ["earlier", "later", "sooner"],
        next: [
          "expected",
          "planned",
          "usual",
          "anticipated",
          "promised",
          "scheduled",
          "agreed",
          "originally",
          "normal",
          "intended",
          "quoted"
        ]
      }
    ]
  },
  {
    word: "than",
    fix: "then",
    why: "\u201Cthan\u201D compares; for time or sequence use \u201Cthen\u201D.",
    when: [
      { prev: ["and", "since", "until", "till", "by", "from", "back", "just", "only", "but"] },
      { sentenceStart: true, nextNot: ["you", "ever", "$"] }
    ]
  },
  {
    word: "affect",
    fix: "effect",
    why: "The result is an \u201Ceffect\u201D; \u201Caffect\u201D is the verb.",
    when: [
      {
        prev: [
          "an",
          "the",
          "any",
          "no",
          "positive",
          "negative",
          "side",
          "knock-on",
          "little",
          "big",
          "significant",
          "immediate",
          "desired",
          "adverse",
          "lasting",
          "net",
          "ripple",
          "domino",
          "real",
          "major",
          "minimal"
        ]
      }
    ]
  },
  {
    word: "affects",
    fix: "effects",
    why: "Results are \u201Ceffects\u201D; \u201Caffects\u201D is the verb.",
    when: [
      {
        prev: ["side", "the", "its", "positive", "negative", "any", "adverse", "lasting", "knock-on", "these", "those"]
      }
    ]
  },
  {
    word: "effect",
    fix: "affect",
    why: "To influence something is to \u201Caffect\u201D it; \u201Ceffect\u201D is the result.",
    when: [
      {
        prev: [
          "will",
          "would",
          "could",
          "may",
          "might",
          "can",
          "to",
          "not",
          "does",
          "did",
          "didn't",
          "won't",
          "doesn't",
          "shouldn't",
          "wouldn't",
          "negatively",
          "positively",
          "directly",
          "adversely",
          "seriously",
          "significantly"
        ],
        next: [
          "the",
          "your",
          "our",
          "their",
          "you",
          "us",
          "them",
          "any",
          "how",
          "this",
          "that",
          "my",
          "his",
          "her",
          "its",
          "everyone",
          "other",
          "customers",
          "users",
          "performance",
          "delivery",
          "results",
          "anyone"
        ],
        next2Not: ["change", "changes", "transfer", "payment", "repairs", "repair"]
      }
    ]
  },
  {
    word: "effected",
    fix: "affected",
    why: "Influenced is \u201Caffected\u201D; \u201Ceffected\u201D means brought about.",
    when: [
      { prev: COPULA, next: ["by", "$"] },
      {
        next: [
          "customers",
          "users",
          "accounts",
          "orders",
          "clients",
          "systems",
          "files",
          "services",
          "items",
          "products",
          "regions",
          "parties",
          "areas",
          "bookings",
          "invoices",
          "guests",
          "patients"
        ]
      }
    ]
  },
  {
    word: "your",
    fix: "you're",
    why: "\u201Cyour\u201D is possessive; \u201Cyou are\u201D is \u201Cyou're\u201D.",
    when: [
      {
        next: [
          "going",
          "not",
          "already",
          "still",
          "always",
          "never",
          "getting",
          "looking",
          "trying",
          "a",
          "an",
          "the",
          "right",
          "correct",
          "absolutely",
          "welcome"
        ],
        next2: [
          "$",
          "to",
          "that",
          "and",
          "very",
          "about",
          "in",
          "on",
          "for",
          "with",
          "aware",
          "able",
          "happy",
          "sure",
          "right",
          "correct",
          "not",
          "so"
        ]
      },
      { next: ["welcome"], next2: ["$"] }
    ]
  },
  {
    word: "you're",
    fix: "your",
    why: "\u201Cyou're\u201D means \u201Cyou are\u201D; the possessive is \u201Cyour\u201D.",
    when: [{ next: POSSESSED }]
  },
  {
    word: "principal",
    fix: "principle",
    why: "In theory is \u201Cin principle\u201D; a \u201Cprincipal\u201D is a head or a sum.",
    when: [{ prev: ["in"] }]
  },
  {
    word: "principle",
    fix: "principal",
    why: "The main one (or the sum owed) is the \u201Cprincipal\u201D; a \u201Cprinciple\u201D is a rule.",
    when: [
      {
        next: [
          "amount",
          "balance",
          "payment",
          "sum",
          "investor",
          "investors",
          "designer",
          "engineer",
          "consultant",
          "architect",
          "partner",
          "owner",
          "contact",
          "reason"
        ]
      }
    ]
  },
  {
    word: "stationary",
    fix: "stationery",
    why: "Writing paper and envelopes are \u201Cstationery\u201D; \u201Cstationary\u201D means not moving.",
    when: [
      {
        prev: [
          "office",
          "printed",
          "branded",
          "wedding",
          "business",
          "custom",
          "letterhead",
          "personalised",
          "personalized",
          "matching"
        ]
      },
      { next: ["order", "orders", "design", "designs", "supplies", "set", "range", "suite", "proofs"] }
    ]
  },
  {
    word: "advise",
    fix: "advice",
    why: "The noun is \u201Cadvice\u201D; \u201Cadvise\u201D is the verb.",
    when: [
      {
        prev: [
          "some",
          "any",
          "your",
          "my",
          "our",
          "good",
          "expert",
          "legal",
          "the",
          "professional",
          "financial",
          "of",
          "for",
          "great",
          "helpful",
          "sound"
        ]
      }
    ]
  },
  {
    word: "advice",
    fix: "advise",
    why: "The verb is \u201Cadvise\u201D; \u201Cadvice\u201D is the noun.",
    when: [
      {
        prev: [
          "to",
          "will",
          "would",
          "can",
          "could",
          "please",
          "kindly",
          "should",
          "must",
          "may",
          "might",
          "i'll",
          "we'll",
          "pls"
        ]
      }
    ]
  },
  {
    word: "except",
    fix: "accept",
    why: "To take or agree is \u201Caccept\u201D; \u201Cexcept\u201D means excluding.",
    when: [
      {
        prev: [
          "please",
          "to",
          "will",
          "would",
          "cannot",
          "can't",
          "gladly",
          "happy",
          "don't",
          "doesn't",
          "won't",
          "not",
          "we",
          "i"
        ],
        nextNot: ["for", "that", "when", "if", "in", "on", "where"]
      }
    ]
  },
  {
    word: "accept",
    fix: "except",
    why: "Excluding is \u201Cexcept\u201D; \u201Caccept\u201D means to take or agree.",
    when: [
      {
        prev: ["everything", "everyone", "anything", "anyone", "nothing", "nobody", "everybody", "all"],
        next: ["for", "that"]
      }
    ]
  },
  {
    word: "weather",
    fix: "whether",
    why: "\u201Cwhether\u201D introduces a choice; \u201Cweather\u201D is rain and sun.",
    when: [
      { next: ["or"], next2: ["not"] },
      {
        prev: [
          "know",
          "see",
          "check",
          "ask",
          "confirm",
          "decide",
          "wondering",
          "unsure",
          "sure",
          "doubt",
          "clarify",
          "tell",
          "determine",
          "advise",
          "consider",
          "question",
          "as"
        ],
        nextNot: ["forecast", "conditions", "permitting", "is", "was", "has", "report", "delays", "delay", "$"]
      }
    ]
  },
  { word: "wether", fix: "whether", why: "A \u201Cwether\u201D is a sheep; you mean \u201Cwhether\u201D.", when: [{}] },
  {
    word: "of",
    fix: "have",
    why: "\u201Ccould of\u201D / \u201Cwould of\u201D is a mishearing of \u201Ccould\u2019ve\u201D \u2014 write \u201Chave\u201D.",
    when: [
      {
        prev: ["could", "would", "should", "must", "might", "couldn't", "wouldn't", "shouldn't", "mustn't"],
        nextNot: ["course"]
      }
    ]
  },
  {
    word: "bare",
    fix: "bear",
    why: "To be patient is to \u201Cbear with\u201D someone.",
    when: [{ next: ["with"], next2: ["me", "us", "them", "him", "her"] }]
  },
  { word: "piece", fix: "peace", why: "The phrase is \u201Cpeace of mind\u201D.", when: [{ next: ["of"], next2: ["mind"] }] },
  { word: "peak", fix: "peek", why: "A quick look is a \u201Csneak peek\u201D.", when: [{ prev: ["sneak"] }] },
  {
    word: "peaked",
    fix: "piqued",
    why: "Interest is \u201Cpiqued\u201D.",
    when: [{ next: ["my", "your", "our", "their", "his", "her"], next2: ["interest", "curiosity"] }]
  },
  {
    word: "peeked",
    fix: "piqued",
    why: "Interest is \u201Cpiqued\u201D.",
    when: [{ next: ["my", "your", "our", "their", "his", "her"], next2: ["interest", "curiosity"] }]
  },
  { word: "say", fix: "se", why: "The Latin phrase is \u201Cper se\u201D.", when: [{ prev: ["per"] }] },
  {
    word: "apart",
    fix: "a part",
    why: "\u201Capart\u201D means separated; to belong is to be \u201Ca part of\u201D.",
    when: [{ next: ["of"], prevNot: ["worlds", "miles", "far", "weeks", "days", "months", "years", "hours"] }]
  },
  {
    word: "intensive",
    fix: "intents and",
    why: "The phrase is \u201Cfor all intents and purposes\u201D.",
    when: [{ next: ["purposes"] }]
  },
  { word: "baited", fix: "bated", why: "The phrase is \u201Cbated breath\u201D.", when: [{ next: ["breath"] }] },
  { word: "wreck", fix: "wreak", why: "The phrase is \u201Cwreak havoc\u201D.", when: [{ next: ["havoc"] }] },
  {
    word: "site",
    fix: "sight",
    why: "Vision is \u201Csight\u201D (\u201Cout of sight\u201D, \u201Close sight of\u201D).",
    when: [
      { prev: ["of"], prev2: ["out"] },
      { prev: ["lose", "lost", "losing"], next: ["of"] }
    ]
  },
  {
    word: "lead",
    fix: "led",
    why: "The past of \u201Cto lead\u201D is \u201Cled\u201D.",
    when: [{ prev: ["has", "have", "had", "was", "were", "has't", "hasn't", "haven't", "hadn't"], next: ["to", "by"] }]
  },
  {
    word: "to",
    fix: "too",
    why: "\u201Ctoo\u201D means excessively or also.",
    when: [
      {
        prev: ["is", "was", "are", "were", "be", "been", "far", "way", "just", "it's", "that's", "got", "much"],
        next: [
          "much",
          "late",
          "early",
          "soon",
          "long",
          "busy",
          "expensive",
          "small",
          "big",
          "high",
          "low",
          "short",
          "slow",
          "complicated",
          "difficult",
          "large",
          "tight",
          "costly",
          "risky",
          "strict",
          "vague"
        ]
      }
    ]
  },
  {
    word: "where",
    fix: "were",
    why: "\u201Cwhere\u201D asks about a place; the past of \u201Care\u201D is \u201Cwere\u201D.",
    when: [
      {
        prev: ["we", "they", "you", "these", "those"],
        next: [
          "sent",
          "delivered",
          "charged",
          "not",
          "unable",
          "able",
          "told",
          "going",
          "supposed",
          "expecting",
          "billed",
          "notified",
          "invoiced",
          "shipped",
          "made",
          "given",
          "asked",
          "planning",
          "hoping",
          "trying",
          "working",
          "looking",
          "happy",
          "very",
          "right",
          "correct",
          "overcharged",
          "double-charged",
          "affected",
          "waiting"
        ]
      }
    ]
  },
  {
    word: "whose",
    fix: "who's",
    why: "\u201Cwhose\u201D is possessive; \u201Cwho is\u201D is \u201Cwho's\u201D.",
    when: [
      {
        next: [
          "going",
          "coming",
          "been",
          "available",
          "responsible",
          "able",
          "attending",
          "joining",
          "leading",
          "handling",
          "online",
          "free"
        ]
      }
    ]
  },
  {
    word: "who's",
    fix: "whose",
    why: "\u201Cwho's\u201D means \u201Cwho is\u201D; the possessive is \u201Cwhose\u201D.",
    when: [
      {
        next: [
          "account",
          "order",
          "team",
          "name",
          "responsibility",
          "turn",
          "job",
          "idea",
          "email",
          "details",
          "invoice",
          "booking",
          "fault"
        ]
      }
    ]
  },
  {
    word: "lets",
    fix: "let's",
    why: "\u201Clet's\u201D (let us) suggests doing something together.",
    when: [
      {
        prev: ["^", "so", "ok", "okay", "now", "then", "well", "and", "but"],
        next: [
          "discuss",
          "talk",
          "meet",
          "schedule",
          "get",
          "make",
          "see",
          "go",
          "chat",
          "connect",
          "catch",
          "find",
          "start",
          "plan",
          "set",
          "keep",
          "move",
          "review",
          "touch",
          "sync",
          "hop",
          "jump",
          "aim",
          "try",
          "take",
          "book",
          "circle",
          "regroup",
          "do",
          "have",
          "finalise",
          "finalize",
          "confirm",
          "look",
          "walk",
          "put",
          "hold",
          "wait",
          "pick",
          "revisit",
          "agree"
        ]
      }
    ]
  },
  {
    word: "formally",
    fix: "formerly",
    why: "Previously is \u201Cformerly\u201D; \u201Cformally\u201D means officially.",
    when: [{ next: ["known"] }]
  },
  {
    word: "council",
    fix: "counsel",
    why: "A lawyer is \u201Ccounsel\u201D; a \u201Ccouncil\u201D is an assembly.",
    when: [
      {
        prev: ["legal", "general", "outside", "our", "your"],
        next: [
          "$",
          "has",
          "have",
          "will",
          "is",
          "advised",
          "says",
          "said",
          "and",
          "to",
          "for",
          "before",
          "reviewed",
          "review"
        ]
      }
    ]
  },
  {
    word: "hear",
    fix: "here",
    why: "The place is \u201Chere\u201D; \u201Chear\u201D is listening.",
    when: [{ prev: ["click", "right", "from", "over"], nextNot: ["about", "from", "back", "you", "that", "it"] }]
  },
  {
    word: "here",
    fix: "hear",
    why: "Listening is \u201Chear\u201D; the place is \u201Chere\u201D.",
    when: [
      {
        prev: ["to", "will", "would", "could", "love", "glad", "happy", "sorry", "can't", "cannot", "wait"],
        next: ["from", "back", "about", "that", "more", "your", "what", "how"]
      }
    ]
  },
  {
    word: "no",
    fix: "know",
    why: "To be aware is \u201Cknow\u201D.",
    when: [
      { prev: ["me", "us"], prev2: ["let"] },
      {
        prev: ["don't", "didn't", "doesn't", "i", "we", "you"],
        next: ["if", "whether", "what", "how", "when", "that", "about", "why", "where", "who"]
      }
    ]
  },
  { word: "now", fix: "know", why: "To be aware is \u201Cknow\u201D.", when: [{ prev: ["you"], prev2: ["let"] }] },
  {
    word: "foreword",
    fix: "forward",
    why: "A \u201Cforeword\u201D opens a book; ahead is \u201Cforward\u201D.",
    when: [{ prev: ["look", "looking", "move", "moving", "going", "step", "way", "bring", "put", "looks"] }]
  },
  {
    word: "brake",
    fix: "break",
    why: "A pause is a \u201Cbreak\u201D; a \u201Cbrake\u201D stops a vehicle.",
    when: [
      {
        prev: [
          "a",
          "lunch",
          "coffee",
          "tea",
          "christmas",
          "holiday",
          "summer",
          "winter",
          "quick",
          "short",
          "well-deserved",
          "festive"
        ],
        nextNot: [
          "pad",
          "pads",
          "fluid",
          "system",
          "disc",
          "discs",
          "light",
          "lights",
          "line",
          "lines",
          "pedal",
          "cable"
        ]
      }
    ]
  },
  {
    word: "breath",
    fix: "breathe",
    why: "The verb is \u201Cbreathe\u201D; \u201Cbreath\u201D is the noun.",
    when: [
      {
        prev: ["can", "could", "to", "will", "cannot", "can't", "i'll", "we'll", "you'll", "and"],
        prev2Not: ["of", "a", "catch", "take", "took", "short"],
        next: ["easy", "easier", "again", "a", "more", "out", "in", "$"]
      }
    ]
  },
  {
    word: "everyday",
    fix: "every day",
    why: "\u201Ceveryday\u201D is an adjective (\u201Ceveryday tasks\u201D); each day is \u201Cevery day\u201D.",
    when: [
      {
        next: [
          "$",
          "at",
          "for",
          "this",
          "until",
          "since",
          "of",
          "from",
          "so",
          "and",
          "but",
          "we",
          "i",
          "you",
          "between",
          "before",
          "after",
          "by",
          "without"
        ]
      }
    ]
  },
  {
    word: "defiantly",
    fix: "definitely",
    why: "\u201Cdefiantly\u201D means in defiance; you probably mean \u201Cdefinitely\u201D.",
    when: [
      {
        prev: [
          "will",
          "would",
          "am",
          "is",
          "are",
          "was",
          "can",
          "could",
          "i'll",
          "we'll",
          "it'll",
          "you'll",
          "i'm",
          "we're",
          "it's",
          "i'd",
          "we'd",
          "should",
          "^"
        ]
      }
    ]
  },
  {
    word: "wont",
    fix: "won't",
    why: "\u201Cwont\u201D means habit; \u201Cwill not\u201D is \u201Cwon't\u201D.",
    when: [{ prev: ["i", "we", "you", "they", "it", "he", "she", "this", "that", "which"] }]
  },
  {
    word: "cant",
    fix: "can't",
    why: "\u201Ccant\u201D means jargon or hypocrisy; \u201Ccannot\u201D is \u201Ccan't\u201D.",
    when: [{ prev: ["i", "we", "you", "they", "it", "he", "she", "this", "that", "which"] }]
  },
  {
    word: "quiet",
    fix: "quite",
    why: "\u201Cquiet\u201D means silent; \u201Cquite\u201D means fairly or completely.",
    when: [
      {
        next: [
          "a",
          "an",
          "good",
          "well",
          "right",
          "sure",
          "often",
          "possibly",
          "likely",
          "busy",
          "simple",
          "easy",
          "difficult",
          "large",
          "small",
          "far",
          "frankly",
          "honestly",
          "some",
          "different",
          "clear",
          "important",
          "happy",
          "understand",
          "there",
          "yet",
          "ready"
        ],
        prevNot: [
          "a",
          "the",
          "very",
          "so",
          "too",
          "nice",
          "more",
          "really",
          "stay",
          "keep",
          "be",
          "kept",
          "stayed",
          "fairly"
        ]
      }
    ]
  },
  {
    word: "were",
    fix: "we're",
    why: "\u201Cwe are\u201D is \u201Cwe're\u201D.",
    when: [
      {
        sentenceStart: true,
        next: [
          "going",
          "happy",
          "sorry",
          "looking",
          "working",
          "excited",
          "pleased",
          "glad",
          "still",
          "always",
          "currently",
          "delighted",
          "thrilled",
          "ready",
          "committed",
          "confident",
          "planning",
          "hoping",
          "sending",
          "updating",
          "fixing",
          "investigating",
          "on",
          "aware",
          "here"
        ]
      }
    ]
  },
  {
    word: "passed",
    fix: "past",
    why: "Earlier time is \u201Cthe past\u201D; \u201Cpassed\u201D is the verb.",
    when: [
      {
        prev: ["the"],
        next: ["$", "week", "month", "year", "few", "weeks", "months", "years", "day", "days", "decade"]
      }
    ]
  },
  { word: "payed", fix: "paid", why: "The past of \u201Cpay\u201D is \u201Cpaid\u201D.", when: [{ nextNot: ["out"] }] },
  {
    word: "sell",
    fix: "sale",
    why: "The noun is \u201Csale\u201D.",
    when: [{ prev: ["for", "on"], next: ["$", "now", "until", "at", "this", "today"] }]
  },
  {
    word: "through",
    fix: "thorough",
    why: "Complete and careful is \u201Cthorough\u201D.",
    when: [
      {
        prev: ["a", "more", "very", "most"],
        next: [
          "review",
          "check",
          "investigation",
          "audit",
          "look",
          "test",
          "testing",
          "analysis",
          "job",
          "explanation",
          "clean",
          "inspection",
          "answer"
        ]
      }
    ]
  },
  {
    word: "chose",
    fix: "choose",
    why: "The present is \u201Cchoose\u201D; \u201Cchose\u201D is the past.",
    when: [{ prev: ["to", "will", "can", "could", "would", "may", "might", "please", "i'll", "we'll", "you'll"] }]
  },
  {
    word: "latter",
    fix: "later",
    why: "After is \u201Clater\u201D; \u201Cthe latter\u201D is the second of two.",
    when: [
      {
        prev: ["^", "you", "it", "us", "them", "back", "and", "or", "then"],
        next: ["this", "today", "tomorrow", "on", "than", "in", "that", "tonight", "$"]
      }
    ]
  },
  {
    word: "send",
    fix: "sent",
    why: "The past participle is \u201Csent\u201D.",
    when: [{ prev: ["have", "has", "had", "was", "were", "been", "i've", "we've", "you've", "they've", "already"] }]
  },
  { word: "costumer", fix: "customer", why: "A \u201Ccostumer\u201D makes costumes; you mean \u201Ccustomer\u201D.", when: [{}] },
  { word: "costumers", fix: "customers", why: "A \u201Ccostumer\u201D makes costumes; you mean \u201Ccustomers\u201D.", when: [{}] },
  { word: "pubic", fix: "public", why: "You almost certainly mean \u201Cpublic\u201D.", when: [{}] },
  {
    word: "asses",
    fix: "assess",
    why: "To evaluate is to \u201Cassess\u201D.",
    when: [{ prev: ["to", "will", "can", "could", "would", "we", "i", "please", "we'll", "i'll", "and"] }]
  },
  { word: "sing", fix: "sign", why: "You probably mean \u201Csign\u201D.", when: [{ next: ["up", "in", "off", "the", "here"] }] },
  { word: "role", fix: "roll", why: "The phrase is \u201Con a roll\u201D.", when: [{ prev: ["a"], prev2: ["on"], next: ["$"] }] },
  {
    word: "moral",
    fix: "morale",
    why: "Team spirit is \u201Cmorale\u201D; a \u201Cmoral\u201D is a lesson.",
    when: [
      {
        prev: ["team", "staff", "employee", "boost", "low", "high", "improve", "improved", "boosted", "our", "company"],
        nextNot: ["compass", "obligation", "duty", "high", "ground", "support", "responsibility"]
      }
    ]
  },
  { word: "reign", fix: "rein", why: "The phrase is \u201Cfree rein\u201D (from horse riding).", when: [{ prev: ["free"] }] },
  {
    word: "waist",
    fix: "waste",
    why: "The phrase is \u201Cwaste of\u201D.",
    when: [{ next: ["of"] }, { prev: ["a", "to", "no"], next: ["$", "time", "money"] }]
  }
];
var CONFUSABLES_BY_WORD = (() => {
  const map = /* @__PURE__ */ new Map();
  for (const c of CONFUSABLES) {
    const list = map.get(c.word);
    if (list) list.push(c);
    else map.set(c.word, [c]);
  }
  return map;
})();
function matches(set, word) {
  return set === void 0 || set.includes(word);
}
function checkConfusable(tokens, i, entries) {
  const t = tokens[i];
  const p = prevWordIndex(tokens, i);
  const prev = p === -1 ? "^" : tokens[p].norm;
  const p2 = p === -1 ? -1 : prevWordIndex(tokens, p);
  const prev2 = p2 === -1 ? "^" : tokens[p2].norm;
  const nx = nextWordIndex(tokens, i);
  const next = nx === -1 ? "$" : tokens[nx].norm;
  const nx2 = nx === -1 ? -1 : nextWordIndex(tokens, nx);
  const next2 = nx2 === -1 ? "$" : tokens[nx2].norm;
  for (const entry of entries) {
    for (const ctx of entry.when) {
      if (!matches(ctx.prev, prev) || !matches(ctx.prev2, prev2) || !matches(ctx.next, next) || !matches(ctx.next2, next2))
        continue;
      if (ctx.prevNot?.includes(prev) || ctx.nextNot?.includes(next) || ctx.next2Not?.includes(next2)) continue;
      if (ctx.prev2Not?.includes(prev2)) continue;
      if (ctx.sentenceStart !== void 0 && ctx.sentenceStart !== (t.sentenceStart || p === -1)) continue;
      return { fix: matchCase(t.text, entry.fix), why: entry.why };
    }
  }
  return null;
}

// src/engine/guard/phrases.ts
function phraseWords(phrase) {
  return tokenise(phrase).filter((t) => t.kind !== "punct");
}
function startsUpper(text) {
  const c = text.charAt(0);
  return c !== c.toLowerCase();
}
function isSoftPunct(t) {
  if (t.newlines > 1) return false;
  const c = t.text;
  return c !== "." && c !== "!" && c !== "?" && c !== ";" && c !== ":" && c !== "\u2026";
}
var PhraseIndex = class {
  byFirst = /* @__PURE__ */ new Map();
  /** Adds a phrase (its words already normalised); returns false when it has no words. */
  add(words2, payload, caps = null) {
    if (words2.length === 0) return false;
    const entry = { words: words2, caps, payload };
    let bucket = this.byFirst.get(words2[0]);
    if (!bucket) this.byFirst.set(words2[0], bucket = { single: [], bySecond: /* @__PURE__ */ new Map() });
    if (words2.length === 1) bucket.single.push(entry);
    else {
      const list = bucket.bySecond.get(words2[1]);
      if (list) list.push(entry);
      else bucket.bySecond.set(words2[1], [entry]);
    }
    return true;
  }
  /** Whether any phrase starts with this word. */
  has(word) {
    return this.byFirst.has(word);
  }
  /** Every phrase matching at token `i` (a word token), longest first. */
  matchAt(tokens, i) {
    const bucket = this.byFirst.get(tokens[i].norm);
    if (!bucket) return NONE;
    let out = null;
    for (const entry of bucket.single) {
      const last = matchFrom(tokens, i, entry);
      if (last !== -1) (out ??= []).push({ entry, first: i, last, start: tokens[i].start, end: tokens[last].end });
    }
    if (bucket.bySecond.size > 0) {
      let j = i + 1;
      while (j < tokens.length && tokens[j].kind === "punct" && isSoftPunct(tokens[j])) j++;
      const next = tokens[j];
      const list = next && next.kind !== "punct" ? bucket.bySecond.get(next.norm) : void 0;
      if (list)
        for (const entry of list) {
          const last = matchFrom(tokens, i, entry);
          if (last !== -1) (out ??= []).push({ entry, first: i, last, start: tokens[i].start, end: tokens[last].end });
        }
    }
    if (out === null) return NONE;
    const found = out;
    if (found.length > 1) found.sort((a, b) => b.end - a.end);
    return found;
  }
};
var NONE = [];
function matchFrom(tokens, i, entry) {
  const caps = entry.caps;
  if (caps && caps[0] && !startsUpper(tokens[i].text)) return -1;
  let j = i;
  for (let k = 1; k < entry.words.length; k++) {
    j++;
    while (j < tokens.length && tokens[j].kind === "punct") {
      if (!isSoftPunct(tokens[j])) return -1;
      j++;
    }
    const t = tokens[j];
    if (!t || t.newlines > 1 || t.norm !== entry.words[k]) return -1;
    if (caps && caps[k] && !startsUpper(t.text)) return -1;
  }
  return j;
}

// src/engine/guard/facts.ts
var CURRENCY_SYMBOLS = { $: "USD", "\xA3": "GBP", "\u20AC": "EUR", "\xA5": "JPY", "\u20B9": "INR" };
var CURRENCY_WORDS = {
  usd: "USD",
  gbp: "GBP",
  eur: "EUR",
  dollars: "USD",
  pounds: "GBP",
  euros: "EUR",
  cad: "CAD",
  aud: "AUD"
};
function digitsOf(s) {
  return s.replace(/\D/g, "");
}
function priceKey(amount) {
  const clean = amount.replace(/,/g, "");
  if (!/^\d+(\.\d+)?$/.test(clean)) return digitsOf(amount);
  const [int, dec] = clean.split(".");
  const d = (dec ?? "").replace(/0+$/, "");
  return d ? `${int.replace(/^0+(?=\d)/, "")}.${d}` : int.replace(/^0+(?=\d)/, "");
}
function parsePrice(value) {
  const m = /([$£€¥₹])?\s*(\d[\d,]*(?:\.\d+)?)\s*([A-Za-z]{3})?/.exec(value);
  if (!m) return null;
  const currency = m[1] ? CURRENCY_SYMBOLS[m[1]] : m[3] ? CURRENCY_WORDS[m[3].toLowerCase()] ?? m[3].toUpperCase() : null;
  return { key: priceKey(m[2]), currency };
}
function urlParts(u) {
  const s = u.trim().toLowerCase().replace(/^[a-z][a-z0-9+.-]*:\/\//, "").replace(/^www\./, "");
  const slash = s.search(/[/?#]/);
  const host = slash === -1 ? s : s.slice(0, slash);
  const path = slash === -1 ? "" : s.slice(slash).replace(/\/+$/, "");
  return { host, path };
}
function identifierKey(s) {
  return s.toUpperCase().replace(/[\s\-_/.#]/g, "");
}
function keyOf2(kind, value) {
  switch (kind) {
    case "phone": {
      const d = digitsOf(value);
      return d.length >= 5 ? d : null;
    }
    case "short_code": {
      const d = digitsOf(value);
      return d.length >= 3 ? d : null;
    }
    case "price":
      return parsePrice(value)?.key ?? null;
    case "identifier": {
      const k = identifierKey(value);
      return k.length >= 3 ? k : null;
    }
    case "url": {
      const p = urlParts(value);
      return p.host.includes(".") ? p.host + p.path : null;
    }
    case "email":
      return value.includes("@") ? value.trim().toLowerCase() : null;
    case "term":
      return value.trim().length > 0 ? value.trim() : null;
    case "date":
      return null;
  }
}
function describeDifference(written, recorded) {
  if (written.toLowerCase() === recorded.toLowerCase()) return "different capitals";
  if (isTransposition(written, recorded)) return "two characters swapped";
  if (written.length === recorded.length) return "one character different";
  return written.length < recorded.length ? "a character missing" : "an extra character";
}
function labelled(f) {
  const what = f.label || f.kind.replace("_", " ");
  return `${what} ${f.value}`;
}
var FactBook = class {
  constructor(workspaceFacts, clients, isDictionaryWord) {
    this.isDictionaryWord = isDictionaryWord;
    for (const f of workspaceFacts) this.add(f, null);
    for (const c of clients) {
      for (const f of c.facts) this.add(f, c.id);
      for (const e of c.contactEmails) this.add({ kind: "email", value: e, label: "contact e-mail" }, c.id);
    }
  }
  isDictionaryWord;
  exact = /* @__PURE__ */ new Map();
  // kind → key → facts
  near = /* @__PURE__ */ new Map();
  /** Key lengths per numeric kind: a query whose length is more than one off every key is skipped. */
  lengths = /* @__PURE__ */ new Map();
  listed = /* @__PURE__ */ new Map();
  // `${scope}|${kind}` for url and email
  phones = /* @__PURE__ */ new Map();
  // by scope ('' = workspace-wide)
  terms = new PhraseIndex();
  termNear = new NearMissIndex();
  /** Which kinds exist per scope ('' = workspace-wide). */
  kindsByScope = /* @__PURE__ */ new Map();
  add(input, clientId) {
    const key = keyOf2(input.kind, input.value);
    if (key === null) return;
    const fact = {
      kind: input.kind,
      value: input.value.trim(),
      label: input.label?.trim() ?? "",
      clientId,
      key,
      currency: input.kind === "price" ? parsePrice(input.value)?.currency ?? null : null,
      host: "",
      path: ""
    };
    if (input.kind === "url") Object.assign(fact, urlParts(input.value));
    const scope = clientId ?? "";
    let kinds = this.kindsByScope.get(scope);
    if (!kinds) this.kindsByScope.set(scope, kinds = /* @__PURE__ */ new Set());
    kinds.add(input.kind);
    const ek = input.kind === "term" ? key.toLowerCase() : key;
    let byKey = this.exact.get(input.kind);
    if (!byKey) this.exact.set(input.kind, byKey = /* @__PURE__ */ new Map());
    const list = byKey.get(ek);
    if (list) list.push(fact);
    else byKey.set(ek, [fact]);
    switch (input.kind) {
      case "phone":
      case "short_code":
      case "price":
      case "identifier": {
        if (input.kind === "phone") {
          const l = this.phones.get(scope);
          if (l) l.push(fact);
          else this.phones.set(scope, [fact]);
        }
        let idx = this.near.get(input.kind);
        if (!idx) this.near.set(input.kind, idx = new NearMissIndex());
        idx.add(key, fact);
        let lengths = this.lengths.get(input.kind);
        if (!lengths) this.lengths.set(input.kind, lengths = /* @__PURE__ */ new Set());
        lengths.add(key.length);
        break;
      }
      case "url":
      case "email": {
        const lk = `${scope}|${input.kind}`;
        const l = this.listed.get(lk);
        if (l) l.push(fact);
        else this.listed.set(lk, [fact]);
        break;
      }
      case "term": {
        const words2 = phraseWords(key);
        this.terms.add(
          words2.map((w) => w.norm),
          fact
        );
        if (words2.length === 1 && key.length >= 4) this.termNear.add(words2[0].norm, fact);
        break;
      }
      case "date":
        break;
    }
  }
  /** Whether a kind of fact applies to a check for `clientId`. */
  has(kind, clientId) {
    return !!this.kindsByScope.get("")?.has(kind) || !!clientId && !!this.kindsByScope.get(clientId)?.has(kind);
  }
  /** Whether any term fact starts with this word. */
  termStartsWith(norm) {
    return this.terms.has(norm);
  }
  inScope(f, clientId) {
    return f.clientId === null || f.clientId === clientId;
  }
  isRecorded(kind, key, clientId) {
    const list = this.exact.get(kind)?.get(key);
    if (!list) return false;
    for (const f of list) if (f.clientId === null || f.clientId === clientId) return true;
    return false;
  }
  nearest(kind, key, clientId) {
    const idx = this.near.get(kind);
    const lengths = this.lengths.get(kind);
    if (!idx || !lengths) return null;
    if (kind === "price" ? !(lengths.has(key.length) || lengths.has(key.length - 1) || lengths.has(key.length + 1)) : !lengths.has(key.length)) return null;
    for (const hit of idx.near(key)) if (this.inScope(hit.payload, clientId)) return hit.payload;
    return null;
  }
  finding(start, end, written, fact, how) {
    return {
      rule: "fact_mismatch",
      severity: "error",
      start,
      end,
      message: `\u201C${written}\u201D does not match the recorded ${labelled(fact)} (${how}).`,
      suggestion: `Use ${fact.value}.`,
      replacement: fact.value
    };
  }
  /** Checks a number-like value (short code, identifier, price) at token `i`. */
  checkNumber(text, tokens, i, clientId, out) {
    const t = tokens[i];
    const before2 = tokens[i - 1];
    const after2 = tokens[i + 1];
    let currency = null;
    let start = t.start;
    if (before2 && before2.kind === "punct" && before2.end === t.start && CURRENCY_SYMBOLS[before2.text]) {
      currency = CURRENCY_SYMBOLS[before2.text];
      start = before2.start;
    } else if (after2 && after2.kind !== "punct" && CURRENCY_WORDS[after2.norm] && after2.newlines === 0)
      currency = CURRENCY_WORDS[after2.norm];
    if (currency && this.has("price", clientId)) {
      const key = priceKey(t.text);
      if (!this.isRecorded("price", key, clientId)) {
        const fact = this.nearest("price", key, clientId);
        if (fact && (!fact.currency || fact.currency === currency) && (isTransposition(key, fact.key) || digitsOf(key).length >= 3)) {
          out.push(this.finding(start, t.end, text.slice(start, t.end), fact, describeDifference(key, fact.key)));
          return i;
        }
      }
      return i;
    }
    if (t.kind === "number" && /^\d+$/.test(t.text)) {
      const d = t.text;
      if (d.length >= 3 && d.length <= 8 && this.has("short_code", clientId) && !this.isRecorded("short_code", d, clientId)) {
        const fact = this.nearest("short_code", d, clientId);
        if (fact && fact.key.length === d.length) {
          out.push(this.finding(t.start, t.end, t.text, fact, describeDifference(d, fact.key)));
          return i;
        }
      }
    }
    return i;
  }
  /** Checks an identifier-like chunk (INV-2041, PO 88213, AB12CD) spanning tokens [i, last]. */
  checkIdentifier(text, start, end, clientId, out) {
    if (!this.has("identifier", clientId)) return false;
    const written = text.slice(start, end);
    const key = identifierKey(written);
    if (key.length < 3 || !/\d/.test(key) || this.isRecorded("identifier", key, clientId)) return false;
    const fact = this.nearest("identifier", key, clientId);
    if (!fact || fact.key.length !== key.length) return false;
    out.push(this.finding(start, end, written, fact, describeDifference(key, fact.key)));
    return true;
  }
  /** Checks phone numbers in the text (one regex pass, only when phone facts apply). */
  checkPhones(text, clientId, out) {
    if (!this.has("phone", clientId)) return;
    const re = /\+?\(?\d[\d\s().-]{5,18}\d/g;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const written = m[0];
      const d = digitsOf(written);
      if (d.length < 7 || d.length > 15) continue;
      const phones = this.recordedPhones(clientId);
      if (phones.some((p) => p.key === d || (p.key.length > d.length ? p.key.endsWith(d) : d.endsWith(p.key))))
        continue;
      let fact = this.nearest("phone", d, clientId);
      if (!fact) {
        for (const p of phones) {
          const a = p.key.slice(-Math.min(p.key.length, d.length));
          const b = d.slice(-Math.min(p.key.length, d.length));
          if (a.length >= 7 && boundedDistance(a, b, 1) === 1) {
            fact = p;
            break;
          }
        }
      }
      if (fact) {
        const n = Math.min(d.length, fact.key.length);
        out.push(
          this.finding(
            m.index,
            m.index + written.length,
            written,
            fact,
            describeDifference(d.slice(-n), fact.key.slice(-n))
          )
        );
      }
    }
  }
  recordedPhones(clientId) {
    const workspace = this.phones.get("") ?? [];
    const client = clientId ? this.phones.get(clientId) ?? [] : [];
    return client.length === 0 ? workspace : workspace.length === 0 ? client : [...client, ...workspace];
  }
  /** Checks a URL or e-mail token. */
  checkAddress(t, clientId, out) {
    const kind = t.kind === "email" ? "email" : "url";
    if (!this.has(kind, clientId)) return;
    const workspace = this.listed.get(`|${kind}`);
    const client = clientId ? this.listed.get(`${clientId}|${kind}`) : void 0;
    const facts = !client ? workspace ?? [] : !workspace ? client : [...client, ...workspace];
    if (kind === "email") {
      const written = t.text.toLowerCase();
      if (facts.some((f) => f.key === written)) return;
      for (const f of facts) {
        const max = f.key.length >= 15 ? 2 : 1;
        const d = boundedDistance(written, f.key, max);
        if (d <= max) {
          out.push(this.finding(t.start, t.end, t.text, f, describeDifference(written, f.key)));
          return;
        }
      }
      return;
    }
    const w = urlParts(t.text);
    let sameHost = false;
    for (const r of facts) {
      if (r.host === w.host) {
        sameHost = true;
        if (r.path === w.path || !r.path || !w.path) return;
      }
    }
    for (const f of facts) {
      const r = f;
      if (!sameHost) {
        const max = r.host.length >= 12 ? 2 : 1;
        if (boundedDistance(w.host, r.host, max) <= max) {
          out.push(this.finding(t.start, t.end, t.text, f, describeDifference(w.host, r.host)));
          return;
        }
      } else if (r.host === w.host && r.path.length >= 3 && boundedDistance(w.path, r.path, 1) === 1) {
        out.push(this.finding(t.start, t.end, t.text, f, describeDifference(w.path, r.path)));
        return;
      }
    }
  }
  /** Term facts starting at word token `i`: written with the wrong capitals. Returns the last token index used, or -1. */
  checkTermCase(tokens, i, clientId, out) {
    for (const m of this.terms.matchAt(tokens, i)) {
      const fact = m.entry.payload;
      if (!this.inScope(fact, clientId)) continue;
      const recordedWords = phraseWords(fact.value);
      let wrong = false;
      let k = 0;
      for (let j = m.first; j <= m.last; j++) {
        const t = tokens[j];
        if (t.kind === "punct") continue;
        const r = recordedWords[k++];
        if (!r || t.text === r.text) continue;
        if (t.text.length > 1 && t.text === t.text.toUpperCase()) continue;
        const inner = /.\p{Lu}/u.test(r.text) || r.text.length > 1 && r.text === r.text.toUpperCase();
        if (inner) wrong = true;
        else if (!this.isDictionaryWord(r.norm) && !(t.sentenceStart && j === m.first)) wrong = true;
      }
      if (wrong) {
        out.push({
          rule: "fact_mismatch",
          severity: "error",
          start: m.start,
          end: m.end,
          message: `\u201C${tokensText(tokens, m.first, m.last)}\u201D is written \u201C${fact.value}\u201D (${fact.label || "recorded term"}).`,
          suggestion: `Write \u201C${fact.value}\u201D.`,
          replacement: fact.value
        });
      }
      return m.last;
    }
    return -1;
  }
  /** A single word that is one letter off a recorded term (written like a name or unknown to the dictionary). */
  checkTermNearMiss(t, clientId, out) {
    if (this.termNear.size === 0 || t.norm.length < 4) return false;
    for (const hit of this.termNear.near(t.norm)) {
      const fact = hit.payload;
      if (!this.inScope(fact, clientId)) continue;
      out.push(this.finding(t.start, t.end, t.text, fact, describeDifference(t.text, fact.value)));
      return true;
    }
    return false;
  }
  /** Whether a word is exactly (ignoring case) a recorded term word in scope. */
  isTermWord(norm, clientId) {
    const list = this.exact.get("term")?.get(norm);
    if (!list) return false;
    for (const f of list) if (f.clientId === null || f.clientId === clientId) return true;
    return false;
  }
};
function tokensText(tokens, first, last) {
  let s = "";
  for (let j = first; j <= last; j++) s += (j > first && tokens[j].spaceBefore ? " " : "") + tokens[j].text;
  return s;
}

// src/engine/guard/names.ts
var TITLE_WORDS = /* @__PURE__ */ new Set(["mr", "mrs", "ms", "mx", "dr", "miss", "mister", "prof", "sir", "dame"]);
var SUFFIX_WORDS = /* @__PURE__ */ new Set(["jr", "sr", "ii", "iii", "iv", "phd", "md", "esq", "dds", "cpa"]);
function stripPossessive(norm) {
  return norm.endsWith("'s") ? norm.slice(0, -2) : norm;
}
function buildClientNames(client) {
  const names = {
    id: client.id,
    display: client.name,
    contacts: [],
    parts: [],
    exact: /* @__PURE__ */ new Set(),
    surnames: /* @__PURE__ */ new Map()
  };
  for (const n of [client.name, ...client.aliases]) for (const w of phraseWords(n)) names.exact.add(w.norm);
  for (const contact of client.contacts) {
    const words2 = phraseWords(contact.name).filter((w) => w.kind === "word" || w.kind === "mixed");
    while (words2.length > 1 && TITLE_WORDS.has(words2[0].norm)) words2.shift();
    while (words2.length > 1 && SUFFIX_WORDS.has(words2[words2.length - 1].norm)) words2.pop();
    if (words2.length === 0) continue;
    const preferredWords = contact.preferredName ? phraseWords(contact.preferredName).filter((w) => w.kind === "word") : [];
    const info2 = {
      name: contact.name.trim(),
      first: words2[0].text,
      last: words2.length > 1 ? words2[words2.length - 1].text : null,
      preferred: preferredWords.length > 0 ? preferredWords[0].text : null,
      honorific: toHonorific(contact.honorific)
    };
    names.contacts.push(info2);
    words2.forEach((w, k) => {
      names.exact.add(w.norm);
      names.parts.push({ norm: w.norm, canonical: w.text, contact: info2, role: k === 0 ? "first" : "last" });
      if (k > 0) {
        const list = names.surnames.get(w.norm);
        if (list) list.push(info2);
        else names.surnames.set(w.norm, [info2]);
      }
    });
    for (const w of preferredWords) {
      names.exact.add(w.norm);
      names.parts.push({ norm: w.norm, canonical: w.text, contact: info2, role: "preferred" });
    }
  }
  return names;
}
function toHonorific(h) {
  if (!h) return null;
  const bare = h.trim().replace(/\.$/, "").toLowerCase();
  switch (bare) {
    case "mr":
      return "Mr";
    case "ms":
      return "Ms";
    case "mrs":
      return "Mrs";
    case "mx":
      return "Mx";
    case "dr":
      return "Dr";
    case "none":
      return "none";
    default:
      return null;
  }
}
function nearNamePart(norm, names) {
  if (norm.length < 3) return null;
  let best = null;
  for (const part of names.parts) {
    const p = part.norm;
    if (p.length < 3) continue;
    const longest = Math.max(p.length, norm.length);
    const sameFirst = p.charCodeAt(0) === norm.charCodeAt(0);
    const max = longest >= 7 && sameFirst ? 2 : 1;
    if (Math.abs(p.length - norm.length) > max) continue;
    const d = boundedDistance(norm, p, max);
    if (d === 0 || d > max) continue;
    if (!sameFirst && longest < 5) continue;
    if (!best || d < best.distance) best = { part, distance: d };
  }
  return best;
}
var TEXT_HONORIFICS = /* @__PURE__ */ new Map([
  ["mr", "Mr"],
  ["mister", "Mr"],
  ["mrs", "Mrs"],
  ["ms", "Ms"],
  ["mx", "Mx"],
  ["dr", "Dr"],
  ["miss", "Miss"]
]);
function isHonorificWord(norm) {
  return TEXT_HONORIFICS.has(norm);
}
function startsUpper2(text) {
  const c = text.charAt(0);
  return c !== c.toLowerCase();
}
function checkHonorific(text, tokens, i, names) {
  const hon = tokens[i];
  const written = TEXT_HONORIFICS.get(hon.norm);
  if (!written || !startsUpper2(hon.text)) return null;
  let j = i + 1;
  let honEnd = hon.end;
  let dot = false;
  if (tokens[j]?.text === "." && tokens[j].start === hon.end) {
    dot = true;
    honEnd = tokens[j].end;
    j++;
  }
  const first = tokens[j];
  if (!first || first.kind !== "word" || first.newlines > 0 || !startsUpper2(first.text)) return null;
  let surnameTok = first;
  let contacts = names.surnames.get(stripPossessive(first.norm));
  const second = tokens[j + 1];
  if (!contacts && second && second.kind === "word" && second.newlines === 0 && startsUpper2(second.text)) {
    const viaSecond = names.surnames.get(stripPossessive(second.norm));
    if (viaSecond) {
      contacts = viaSecond;
      surnameTok = second;
    }
  }
  if (!contacts) {
    const near = nearNamePart(stripPossessive(first.norm), names);
    if (near && near.part.role === "last") contacts = [near.part.contact];
  }
  if (!contacts) return null;
  const recorded = contacts.filter((c) => c.honorific !== null);
  if (recorded.length === 0 || recorded.some((c) => c.honorific === written)) return null;
  const contact = recorded[0];
  const start = hon.start;
  const end = surnameTok.end;
  if (contact.honorific === "none") {
    const given = contact.preferred ?? contact.first;
    const full = contact.last ? `${given} ${contact.last}` : given;
    return {
      rule: "honorific",
      severity: "error",
      start,
      end,
      message: `${contact.name} is recorded without an honorific; \u201C${hon.text}${dot ? "." : ""}\u201D should not be used.`,
      suggestion: `Use the name instead: \u201C${full}\u201D.`,
      replacement: full
    };
  }
  const right = contact.honorific;
  const replacement = `${right}${dot ? "." : ""}${text.slice(honEnd, end)}`;
  return {
    rule: "honorific",
    severity: "error",
    start,
    end,
    message: `${contact.name} is recorded as ${right}, not ${written}.`,
    suggestion: `Write \u201C${replacement}\u201D.`,
    replacement
  };
}

// src/engine/guard/placeholder.ts
var KEYWORDS = /\b(?:name|first|last|surname|date|time|day|client|company|business|customer|recipient|contact|insert|amount|price|address|link|url|phone|number|title|product|city|email|your|here|placeholder|todo|tbd|signature|sender|brand|location|venue|order|invoice|project|x+|add|fill|details|position|role|code)\b/i;
var TAG_WORDS = /* @__PURE__ */ new Set([
  "EXTERNAL",
  "URGENT",
  "EXT",
  "FYI",
  "OK",
  "SIC",
  "UPDATE",
  "ACTION REQUIRED",
  "REMINDER",
  "RESOLVED",
  "SOLVED",
  "CLOSED",
  "NEW",
  "INFO",
  "SPAM",
  "AD",
  "PAID",
  "SUPPORT"
]);
function bracketContentIsPlaceholder(inner) {
  const s = inner.trim();
  if (s.length === 0 || s.length > 50) return false;
  if (/^(?:\d+|sic|x|\.\.\.|…|redacted|edited|sic\.)$/i.test(s)) return false;
  if (/^[A-Za-z]+(?:_[A-Za-z0-9]+)+$/.test(s)) return true;
  if (/^[A-Z][A-Z0-9 _'-]*[A-Z0-9]$/.test(s) && /[A-Z]{2}/.test(s)) return !TAG_WORDS.has(s);
  if (KEYWORDS.test(s)) return true;
  return /^(?:[A-Z][a-z]+)(?: [A-Z][a-z]+){0,3}$/.test(s) && s.includes(" ");
}
function fillFor(inner, fill) {
  const s = inner.toLowerCase();
  if (/your|sender|signature|my /.test(s)) return void 0;
  if (/client|company|business|organi[sz]ation/.test(s) && !/contact|person/.test(s))
    return fill.clientName ?? void 0;
  if (/first|given/.test(s) && /name/.test(s)) return fill.firstName ?? void 0;
  if (/^\W*(?:full[ _]?)?name\W*$|contact[ _]?name|recipient/.test(s)) return fill.fullName ?? void 0;
  return void 0;
}
function finding(start, end, what, replacement, severity = "error") {
  return {
    rule: "placeholder",
    severity,
    start,
    end,
    message: `Template leftover: ${what}.`,
    suggestion: replacement !== void 0 ? `Replace it with \u201C${replacement}\u201D.` : "Fill it in or remove it before sending.",
    ...replacement !== void 0 && { replacement }
  };
}
function scanPlaceholders(text, fill, out) {
  for (let s = text.indexOf("["); s !== -1; s = text.indexOf("[", s + 1)) {
    const e = text.indexOf("]", s + 1);
    if (e === -1) break;
    if (e - s > 52) continue;
    const inner = text.slice(s + 1, e);
    if (inner.includes("\n") || inner.includes("[") || text.charAt(e + 1) === "(") continue;
    if (bracketContentIsPlaceholder(inner)) {
      out.push(finding(s, e + 1, `\u201C${text.slice(s, e + 1)}\u201D`, fillFor(inner, fill)));
      s = e;
    }
  }
  for (let s = text.indexOf("{"); s !== -1; s = text.indexOf("{", s + 1)) {
    if (text.charAt(s + 1) === "{") {
      const e2 = text.indexOf("}}", s + 2);
      if (e2 === -1 || e2 - s > 80) continue;
      const inner2 = text.slice(s + 2, e2);
      if (inner2.trim().length === 0 || inner2.includes("\n")) continue;
      out.push(finding(s, e2 + 2, `\u201C${text.slice(s, e2 + 2)}\u201D`, fillFor(inner2, fill)));
      s = e2 + 1;
      continue;
    }
    const e = text.indexOf("}", s + 1);
    if (e === -1 || e - s > 40) continue;
    const inner = text.slice(s + 1, e);
    if (/^\s*[A-Za-z_][\w.]*\s*$/.test(inner)) {
      out.push(finding(s, e + 1, `\u201C${text.slice(s, e + 1)}\u201D`, fillFor(inner, fill)));
      s = e;
    }
  }
  for (let s = text.indexOf("<"); s !== -1; s = text.indexOf("<", s + 1)) {
    if (text.charAt(s + 1) === "<") {
      const e2 = text.indexOf(">>", s + 2);
      if (e2 === -1 || e2 - s > 60) continue;
      const inner2 = text.slice(s + 2, e2);
      if (/^\s*[A-Za-z][\w .-]*\s*$/.test(inner2)) {
        out.push(finding(s, e2 + 2, `\u201C${text.slice(s, e2 + 2)}\u201D`, fillFor(inner2, fill)));
        s = e2 + 1;
      }
      continue;
    }
    const e = text.indexOf(">", s + 1);
    if (e === -1 || e - s > 40) continue;
    const inner = text.slice(s + 1, e);
    if (/^[A-Z][A-Z0-9 _]*[A-Z0-9]$/.test(inner) && /[A-Z]{2}/.test(inner) || /^[A-Za-z]+(?:_[A-Za-z0-9]+)+$/.test(inner)) {
      out.push(finding(s, e + 1, `\u201C${text.slice(s, e + 1)}\u201D`, fillFor(inner, fill)));
      s = e;
    }
  }
  for (let s = text.indexOf("%"); s !== -1; s = text.indexOf("%", s + 1)) {
    const e = text.indexOf("%", s + 1);
    if (e === -1) break;
    const inner = text.slice(s + 1, e);
    if (e - s <= 40 && /^[A-Z][A-Z0-9_]+$/.test(inner) && inner.length >= 3) {
      out.push(finding(s, e + 1, `\u201C${text.slice(s, e + 1)}\u201D`, fillFor(inner, fill)));
      s = e;
    }
  }
  for (let s = text.indexOf("___"); s !== -1; s = text.indexOf("___", s + 1)) {
    let e = s;
    while (text.charCodeAt(e) === 95) e++;
    out.push(finding(s, e, "a blank to fill in", void 0));
    s = e;
  }
}
function placeholderWord(textOfToken) {
  switch (textOfToken) {
    case "TODO":
    case "FIXME":
    case "TKTK":
      return { what: `\u201C${textOfToken}\u201D`, severity: "error" };
    case "TBD":
    case "TBC":
      return { what: `\u201C${textOfToken}\u201D (a detail still to be decided)`, severity: "warning" };
    default:
      return /^X{2,}$/.test(textOfToken) ? { what: `\u201C${textOfToken}\u201D`, severity: "error" } : null;
  }
}
function placeholderFinding(start, end, what, severity) {
  return finding(start, end, what, void 0, severity);
}

// src/engine/guard/regex-safety.ts
var MAX_UNICODE = 65535;
var BIG = 10;
var MAX_COUNT = 1e3;
function normalise(r) {
  const pairs = [];
  for (let i = 0; i < r.length; i += 2) pairs.push([r[i], r[i + 1]]);
  pairs.sort((a, b) => a[0] - b[0]);
  const out = [];
  for (const [lo, hi] of pairs) {
    const n = out.length;
    if (n > 0 && lo <= out[n - 1] + 1) out[n - 1] = Math.max(out[n - 1], hi);
    else out.push(lo, hi);
  }
  return out;
}
function union(a, b) {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  return normalise([...a, ...b]);
}
function complement(r) {
  const n = normalise(r);
  const out = [];
  let next = 0;
  for (let i = 0; i < n.length; i += 2) {
    if (n[i] > next) out.push(next, n[i] - 1);
    next = n[i + 1] + 1;
  }
  if (next <= MAX_UNICODE) out.push(next, MAX_UNICODE);
  return out;
}
function overlaps(a, b) {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i + 1] < b[j]) i += 2;
    else if (b[j + 1] < a[i]) j += 2;
    else return true;
  }
  return false;
}
var DIGIT2 = [48, 57];
var WORD = normalise([48, 57, 65, 90, 95, 95, 97, 122]);
var SPACE = normalise([
  9,
  13,
  32,
  32,
  160,
  160,
  5760,
  5760,
  8192,
  8202,
  8232,
  8233,
  8239,
  8239,
  8287,
  8287,
  12288,
  12288,
  65279,
  65279
]);
var DOT = complement([10, 10, 13, 13, 8232, 8233]);
var ANY = [0, MAX_UNICODE];
var ParseError = class extends Error {
};
var Parser = class {
  constructor(s) {
    this.s = s;
  }
  s;
  i = 0;
  groups = 0;
  parse() {
    const node = this.alternation();
    if (this.i < this.s.length) throw new ParseError(`unexpected \u201C${this.s[this.i]}\u201D`);
    return node;
  }
  alternation() {
    const alts = [this.sequence()];
    while (this.s[this.i] === "|") {
      this.i++;
      alts.push(this.sequence());
    }
    return alts.length === 1 ? alts[0] : { t: "alt", alts };
  }
  sequence() {
    const items = [];
    while (this.i < this.s.length && this.s[this.i] !== "|" && this.s[this.i] !== ")") {
      const atom = this.atom();
      items.push(this.quantifier(atom));
    }
    return items.length === 1 ? items[0] : { t: "seq", items };
  }
  quantifier(atom) {
    const c = this.s[this.i];
    let min;
    let max;
    if (c === "*") [min, max] = [0, Infinity];
    else if (c === "+") [min, max] = [1, Infinity];
    else if (c === "?") [min, max] = [0, 1];
    else if (c === "{") {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.s.slice(this.i));
      if (!m) return atom;
      min = Number(m[1]);
      max = m[2] === void 0 ? min : m[3] === "" ? Infinity : Number(m[3]);
      if (min > MAX_COUNT || max !== Infinity && max > MAX_COUNT)
        throw new ParseError(`a repeat count above ${MAX_COUNT}`);
      this.i += m[0].length - 1;
    } else return atom;
    this.i++;
    if (this.s[this.i] === "?") this.i++;
    if (atom.t === "assert") throw new ParseError("a repeated assertion");
    return { t: "quant", body: atom, min, max };
  }
  atom() {
    const c = this.s[this.i];
    switch (c) {
      case "(":
        return this.group();
      case "[":
        return { t: "char", set: this.charClass() };
      case ".":
        this.i++;
        return { t: "char", set: DOT };
      case "^":
      case "$":
        this.i++;
        return { t: "assert" };
      case "\\":
        return this.escape();
      case "*":
      case "+":
      case "?":
        throw new ParseError(`nothing to repeat before \u201C${c}\u201D`);
      default: {
        const cp = this.s.charCodeAt(this.i);
        this.i++;
        return { t: "char", set: [cp, cp] };
      }
    }
  }
  group() {
    this.i++;
    let look = false;
    if (this.s[this.i] === "?") {
      const next = this.s[this.i + 1];
      if (next === ":") this.i += 2;
      else if (next === "=" || next === "!") {
        this.i += 2;
        look = true;
      } else if (next === "<" && (this.s[this.i + 2] === "=" || this.s[this.i + 2] === "!")) {
        this.i += 3;
        look = true;
      } else if (next === "<") {
        const close = this.s.indexOf(">", this.i);
        if (close === -1) throw new ParseError("an unterminated group name");
        this.i = close + 1;
        this.groups++;
      } else throw new ParseError("an unsupported group");
    } else this.groups++;
    const body = this.alternation();
    if (this.s[this.i] !== ")") throw new ParseError("an unclosed group");
    this.i++;
    return look ? { t: "look", body } : { t: "group", body };
  }
  escape() {
    this.i++;
    const c = this.s[this.i];
    if (c === void 0) throw new ParseError("a trailing backslash");
    this.i++;
    switch (c) {
      case "d":
        return { t: "char", set: DIGIT2 };
      case "D":
        return { t: "char", set: complement(DIGIT2) };
      case "w":
        return { t: "char", set: WORD };
      case "W":
        return { t: "char", set: complement(WORD) };
      case "s":
        return { t: "char", set: SPACE };
      case "S":
        return { t: "char", set: complement(SPACE) };
      case "b":
      case "B":
        return { t: "assert" };
      case "k":
        if (this.s[this.i] === "<") return { t: "backref" };
        return { t: "char", set: [107, 107] };
      default:
        if (c >= "1" && c <= "9") return { t: "backref" };
        return { t: "char", set: this.escapedChar(c) };
    }
  }
  /** The code point of an escape other than a class (\n, \x41, \u0041, \cJ, \0, \.). */
  escapedChar(c) {
    const single = (cp) => [cp, cp];
    switch (c) {
      case "n":
        return single(10);
      case "r":
        return single(13);
      case "t":
        return single(9);
      case "f":
        return single(12);
      case "v":
        return single(11);
      case "0":
        return single(0);
      case "x": {
        const hex = /^[0-9a-fA-F]{2}/.exec(this.s.slice(this.i));
        if (!hex) return single(120);
        this.i += 2;
        return single(parseInt(hex[0], 16));
      }
      case "u": {
        const hex = /^[0-9a-fA-F]{4}/.exec(this.s.slice(this.i));
        if (!hex) return single(117);
        this.i += 4;
        return single(parseInt(hex[0], 16));
      }
      case "c": {
        const l = this.s.charCodeAt(this.i);
        if (l >= 65 && l <= 90 || l >= 97 && l <= 122) {
          this.i++;
          return single(l % 32);
        }
        return single(92);
      }
      case "p":
      case "P":
        return single(c.charCodeAt(0));
      default:
        return single(c.charCodeAt(0));
    }
  }
  charClass() {
    this.i++;
    let negate = false;
    if (this.s[this.i] === "^") {
      negate = true;
      this.i++;
    }
    let set = [];
    while (this.i < this.s.length && this.s[this.i] !== "]") {
      const lo = this.classAtom();
      if (this.s[this.i] === "-" && this.s[this.i + 1] !== "]" && this.i + 1 < this.s.length && lo.length === 2 && lo[0] === lo[1]) {
        this.i++;
        const hi = this.classAtom();
        if (hi.length === 2 && hi[0] === hi[1]) {
          if (hi[0] < lo[0]) throw new ParseError("a character range out of order");
          set = union(set, [lo[0], hi[0]]);
          continue;
        }
        set = union(set, union(lo, union(hi, [45, 45])));
        continue;
      }
      set = union(set, lo);
    }
    if (this.s[this.i] !== "]") throw new ParseError("an unclosed character class");
    this.i++;
    return negate ? complement(set) : set;
  }
  classAtom() {
    const c = this.s[this.i];
    if (c !== "\\") {
      this.i++;
      return [c.charCodeAt(0), c.charCodeAt(0)];
    }
    this.i++;
    const e = this.s[this.i];
    if (e === void 0) throw new ParseError("a trailing backslash");
    this.i++;
    switch (e) {
      case "d":
        return DIGIT2;
      case "D":
        return complement(DIGIT2);
      case "w":
        return WORD;
      case "W":
        return complement(WORD);
      case "s":
        return SPACE;
      case "S":
        return complement(SPACE);
      case "b":
        return [8, 8];
      default:
        return this.escapedChar(e);
    }
  }
};
var memo = /* @__PURE__ */ new WeakMap();
function info(node) {
  const m = memo.get(node);
  if (m) return m;
  let r;
  switch (node.t) {
    case "char":
      r = { nullable: false, first: node.set, chars: node.set };
      break;
    case "assert":
    case "look":
      r = { nullable: true, first: [], chars: [] };
      break;
    case "backref":
      r = { nullable: true, first: ANY, chars: ANY };
      break;
    case "group":
      r = info(node.body);
      break;
    case "quant": {
      const b = info(node.body);
      r = { nullable: node.min === 0 || b.nullable, first: b.first, chars: b.chars };
      break;
    }
    case "alt": {
      let first = [];
      let chars = [];
      let nullable = false;
      for (const a of node.alts) {
        const i = info(a);
        first = union(first, i.first);
        chars = union(chars, i.chars);
        nullable ||= i.nullable;
      }
      r = { nullable, first, chars };
      break;
    }
    case "seq": {
      let first = [];
      let chars = [];
      let nullable = true;
      for (const item of node.items) {
        const i = info(item);
        if (nullable) first = union(first, i.first);
        chars = union(chars, i.chars);
        nullable &&= i.nullable;
      }
      r = { nullable, first, chars };
      break;
    }
  }
  memo.set(node, r);
  return r;
}
function unbounded(node) {
  return node.t === "quant" && node.max > BIG;
}
function leadingRepeat(node) {
  switch (node.t) {
    case "quant":
      return node.max > BIG ? info(node.body).chars : null;
    case "group":
      return leadingRepeat(node.body);
    case "seq":
      for (const item of node.items) {
        const lead = leadingRepeat(item);
        if (lead) return lead;
        if (!info(item).nullable) return null;
      }
      return null;
    case "alt":
    case "assert":
    case "backref":
    case "char":
    case "look":
      return null;
  }
}
var Unsafe = class extends Error {
};
function walk(node, follow, inLoop) {
  switch (node.t) {
    case "char":
    case "assert":
      return;
    case "backref":
      throw new Unsafe("uses a backreference, which can make matching very slow");
    case "group":
      walk(node.body, follow, inLoop);
      return;
    case "look":
      walk(node.body, [], inLoop);
      return;
    case "alt": {
      if (inLoop) {
        for (let a = 0; a < node.alts.length; a++)
          for (let b = a + 1; b < node.alts.length; b++) {
            const ia = info(node.alts[a]);
            const ib = info(node.alts[b]);
            if (overlaps(ia.first, ib.first) || ia.nullable && ib.nullable)
              throw new Unsafe(
                "has alternatives that can match the same text inside a repeat, which can backtrack catastrophically"
              );
          }
      }
      for (const a of node.alts) walk(a, follow, inLoop);
      return;
    }
    case "seq": {
      const items = node.items;
      const follows = new Array(items.length);
      let acc = follow;
      for (let k = items.length - 1; k >= 0; k--) {
        follows[k] = acc;
        const i = info(items[k]);
        acc = i.nullable ? union(i.first, acc) : i.first;
      }
      for (let k = 0; k < items.length; k++) {
        const item = items[k];
        if (unbounded(item)) {
          const chars = info(item.body).chars;
          for (let m = k + 1; m < items.length; m++) {
            const lead = leadingRepeat(items[m]);
            if (lead && overlaps(chars, lead))
              throw new Unsafe(
                "has two repeats in a row over the same characters, which backtracks heavily on long text"
              );
            if (!info(items[m]).nullable) break;
          }
        }
        walk(item, follows[k], inLoop);
      }
      return;
    }
    case "quant": {
      const body = info(node.body);
      if (node.max > 1) {
        if (body.nullable && node.max > BIG) throw new Unsafe("repeats a part that can match empty text");
        if (inLoop && node.max > BIG && overlaps(body.chars, follow))
          throw new Unsafe(
            "nests a repeat inside another repeat over the same characters, which can backtrack catastrophically"
          );
        walk(node.body, union(body.first, follow), true);
      } else walk(node.body, follow, inLoop);
      return;
    }
  }
}
function regexProblem(pattern) {
  if (pattern.trim().length === 0) return "must not be empty";
  if (pattern.length > 500) return "is longer than 500 characters";
  let compiled;
  try {
    compiled = new RegExp(pattern);
  } catch (error) {
    return `is not a valid regular expression (${error.message})`;
  }
  let tree;
  try {
    tree = new Parser(pattern).parse();
  } catch (error) {
    return error instanceof ParseError ? `uses ${error.message}, which the guard cannot check for safety` : "cannot be checked for safety";
  }
  try {
    walk(tree, [], false);
  } catch (error) {
    if (error instanceof Unsafe) return error.message;
    throw error;
  }
  if (info(tree).nullable || compiled.test("")) return "can match empty text, so it would match everywhere";
  return null;
}
function requiredLiterals(pattern) {
  let tree;
  try {
    tree = new Parser(pattern).parse();
  } catch {
    return null;
  }
  return literalsOf(tree);
}
function literalsOf(node) {
  while (node.t === "group") node = node.body;
  if (node.t === "alt") {
    const all = [];
    for (const a of node.alts) {
      const l = literalsOf(a);
      if (!l) return null;
      all.push(...l);
    }
    return all;
  }
  const items = node.t === "seq" ? node.items : [node];
  let best = "";
  let run = "";
  const end = () => {
    if (run.length > best.length) best = run;
    run = "";
  };
  for (const item of items) {
    let inner = item;
    if (inner.t === "quant" && inner.min >= 1) inner = inner.body;
    if (inner.t === "char" && inner.set.length === 2 && inner.set[0] === inner.set[1]) {
      run += String.fromCharCode(inner.set[0]);
      if (item.t === "quant") end();
      continue;
    }
    end();
  }
  end();
  if (best.length >= 2) return [best];
  for (const item of items) {
    let inner = item;
    if (inner.t === "quant" && inner.min >= 1) inner = inner.body;
    while (inner.t === "group") inner = inner.body;
    if (inner.t === "alt") {
      const l = literalsOf(inner);
      if (l) return l;
    }
  }
  return null;
}

// src/engine/guard/rules.ts
var MAX_PER_RULE = 20;
function ruleProblem(rule) {
  if (rule.kind === "pattern") {
    if (typeof rule.pattern !== "string") return "a pattern rule needs a pattern";
    const problem = regexProblem(rule.pattern);
    if (problem) return `the pattern ${problem}`;
  } else if (rule.kind === "forbidden" || rule.kind === "required") {
    if (typeof rule.phrase !== "string" || rule.phrase.trim().length === 0) return "the phrase must not be empty";
    if (rule.phrase.length > 300) return "the phrase is longer than 300 characters";
    if (phraseWords(rule.phrase).length === 0) return "the phrase has no words to match";
  } else return `unknown rule kind \u201C${String(rule.kind)}\u201D`;
  if (rule.when !== void 0 && rule.when !== null) {
    if (typeof rule.when !== "string" || rule.when.trim().length === 0) return "the trigger (when) must not be empty";
    if (rule.when.length > 300) return "the trigger (when) is longer than 300 characters";
    if (phraseWords(rule.when).length === 0) return "the trigger (when) has no words to match";
  }
  return null;
}
var RuleHits = class {
  phrase = /* @__PURE__ */ new Map();
  when = /* @__PURE__ */ new Map();
};
function escapeRegex(s) {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}
var RuleSet = class {
  index = new PhraseIndex();
  all = [];
  workspace = { alwaysRequired: [], alwaysPatterns: [] };
  byClient = /* @__PURE__ */ new Map();
  /** One regex finding every pattern's required literal in a single scan (a zero-width lookahead per position). */
  literalScan;
  byLiteral = /* @__PURE__ */ new Map();
  /** Literals contained in each literal (found together with it). */
  within = /* @__PURE__ */ new Map();
  /** Rules that could not be used, with the reason (for diagnostics). */
  skipped = [];
  constructor(rules) {
    rules.forEach((spec, index) => {
      const reason = ruleProblem(spec);
      if (reason) {
        this.skipped.push({ rule: spec, reason });
        return;
      }
      const rule = {
        index,
        spec,
        message: spec.message?.trim() ? spec.message.trim() : "A guard rule of this workspace.",
        regex: spec.kind === "pattern" ? new RegExp(spec.pattern, "g") : null,
        hasWhen: typeof spec.when === "string"
      };
      this.all[index] = rule;
      let scope = this.workspace;
      if (spec.clientId) {
        let s = this.byClient.get(spec.clientId);
        if (!s) this.byClient.set(spec.clientId, s = { alwaysRequired: [], alwaysPatterns: [] });
        scope = s;
      }
      if (spec.kind !== "pattern") this.index.add(phraseWords(spec.phrase).map((w) => w.norm), { rule, role: "phrase" });
      if (rule.hasWhen) this.index.add(phraseWords(spec.when).map((w) => w.norm), { rule, role: "when" });
      if (spec.kind === "required" && !rule.hasWhen) scope.alwaysRequired.push(rule);
      if (spec.kind === "pattern") {
        const literals2 = requiredLiterals(spec.pattern);
        if (!literals2) scope.alwaysPatterns.push(rule);
        else
          for (const l of new Set(literals2)) {
            const list = this.byLiteral.get(l);
            if (list) list.push(rule);
            else this.byLiteral.set(l, [rule]);
          }
      }
    });
    const literals = [...this.byLiteral.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
    for (const l of literals) this.within.set(l, literals.filter((m) => m !== l && l.includes(m)));
    this.literalScan = literals.length > 0 ? new RegExp(`(?=(${literals.map(escapeRegex).join("|")}))`, "g") : null;
  }
  /** Whether some rule phrase or trigger starts with this word. */
  startsWith(norm) {
    return this.index.has(norm);
  }
  /** Records the rule phrases and triggers matching at token `i`. */
  collect(tokens, i, clientId, hits) {
    for (const m of this.index.matchAt(tokens, i)) {
      const { rule, role } = m.entry.payload;
      if (rule.spec.clientId && rule.spec.clientId !== clientId) continue;
      if (role === "when") {
        if (!hits.when.has(rule.index)) hits.when.set(rule.index, m);
      } else {
        const list = hits.phrase.get(rule.index);
        if (!list) hits.phrase.set(rule.index, [m]);
        else if (list.length < MAX_PER_RULE && list[list.length - 1].end <= m.start) list.push(m);
      }
    }
  }
  /** The guard_rule findings of a check. */
  findings(text, clientId, hits, out) {
    for (const [index, matches2] of hits.phrase) {
      const rule = this.all[index];
      if (rule.spec.kind !== "forbidden" || rule.hasWhen && !hits.when.has(index)) continue;
      for (const m of matches2) {
        out.push({
          rule: "guard_rule",
          severity: "error",
          start: m.start,
          end: m.end,
          message: rule.message,
          suggestion: `Remove or rephrase \u201C${text.slice(m.start, m.end)}\u201D (a guard rule forbids \u201C${rule.spec.phrase}\u201D).`
        });
      }
    }
    for (const [index, trigger] of hits.when) {
      const rule = this.all[index];
      if (rule.spec.kind === "required" && !hits.phrase.has(index)) this.missing(rule, text, trigger, out);
    }
    const client = clientId ? this.byClient.get(clientId) : void 0;
    for (const scope of client ? [this.workspace, client] : [this.workspace]) {
      for (const rule of scope.alwaysRequired) if (!hits.phrase.has(rule.index)) this.missing(rule, text, void 0, out);
      for (const rule of scope.alwaysPatterns) this.runPattern(rule, text, clientId, hits, out);
    }
    if (this.literalScan) {
      const seen = /* @__PURE__ */ new Set();
      const re = this.literalScan;
      re.lastIndex = 0;
      for (let m = re.exec(text); m !== null; m = re.exec(text)) {
        re.lastIndex = m.index + 1;
        const literal = m[1];
        for (const l of [literal, ...this.within.get(literal)]) {
          for (const rule of this.byLiteral.get(l) ?? []) {
            if (seen.has(rule)) continue;
            seen.add(rule);
            this.runPattern(rule, text, clientId, hits, out);
          }
        }
      }
    }
  }
  missing(rule, text, trigger, out) {
    const span = trigger ? { start: trigger.start, end: trigger.end } : firstLine(text);
    out.push({
      rule: "guard_rule",
      severity: "error",
      start: span.start,
      end: span.end,
      message: rule.message,
      suggestion: trigger ? `Add \u201C${rule.spec.phrase}\u201D \u2014 a guard rule requires it whenever \u201C${rule.spec.when}\u201D appears.` : `Add \u201C${rule.spec.phrase}\u201D \u2014 a guard rule requires it in every message.`
    });
  }
  runPattern(rule, text, clientId, hits, out) {
    if (rule.spec.clientId && rule.spec.clientId !== clientId) return;
    if (rule.hasWhen && !hits.when.has(rule.index)) return;
    const re = rule.regex;
    re.lastIndex = 0;
    let count = 0;
    for (let m = re.exec(text); m !== null && count < MAX_PER_RULE; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      count++;
      out.push({
        rule: "guard_rule",
        severity: "error",
        start: m.index,
        end: m.index + m[0].length,
        message: rule.message,
        suggestion: `Rephrase \u201C${m[0].length > 60 ? `${m[0].slice(0, 57)}\u2026` : m[0]}\u201D (it matches a guard rule pattern).`
      });
    }
  }
};
function firstLine(text) {
  let start = 0;
  while (start < text.length && /\s/.test(text.charAt(start))) start++;
  let end = text.indexOf("\n", start);
  if (end === -1) end = text.length;
  while (end > start && /\s/.test(text.charAt(end - 1))) end--;
  return { start, end };
}

// src/engine/guard/weekday.ts
var WEEKDAYS2 = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
var WEEKDAY_WORDS = /* @__PURE__ */ new Map();
WEEKDAYS2.forEach((name, day) => WEEKDAY_WORDS.set(name.toLowerCase(), { day, short: false }));
for (const [w, day] of [
  ["sun", 0],
  ["mon", 1],
  ["tue", 2],
  ["tues", 2],
  ["wed", 3],
  ["weds", 3],
  ["thu", 4],
  ["thur", 4],
  ["thurs", 4],
  ["fri", 5],
  ["sat", 6]
])
  WEEKDAY_WORDS.set(w, { day, short: true });
var MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December"
];
var MONTH_WORDS = /* @__PURE__ */ new Map();
MONTH_NAMES.forEach((name, m) => {
  MONTH_WORDS.set(name.toLowerCase(), m + 1);
  MONTH_WORDS.set(name.slice(0, 3).toLowerCase(), m + 1);
});
MONTH_WORDS.set("sept", 9);
function isWeekdayWord(norm) {
  return WEEKDAY_WORDS.has(norm);
}
function isMonthWord(norm) {
  return MONTH_WORDS.has(norm);
}
function dayOf(t) {
  if (!t || t.kind !== "number") return null;
  const m = /^(\d{1,2})(st|nd|rd|th)?$/.exec(t.norm);
  if (!m) return null;
  const d = Number(m[1]);
  return d >= 1 && d <= 31 ? d : null;
}
function yearOf(t) {
  if (!t || t.kind !== "number" || !/^\d{4}$/.test(t.norm)) return null;
  const y = Number(t.norm);
  return y >= 1900 && y <= 2200 ? y : null;
}
function monthOf(t) {
  if (!t || t.kind !== "word") return null;
  return MONTH_WORDS.get(t.norm) ?? null;
}
function isPunct(t, chars) {
  return !!t && t.kind === "punct" && chars.includes(t.text);
}
function afterAbbrevDot(tokens, j) {
  const t = tokens[j + 1];
  return t && t.text === "." && t.start === tokens[j].end ? j + 1 : j;
}
function parseDateAt(tokens, j, dayFirst) {
  const a = tokens[j];
  if (!a) return null;
  const month = monthOf(a);
  if (month !== null) {
    let k = afterAbbrevDot(tokens, j) + 1;
    const day2 = dayOf(tokens[k]);
    if (day2 === null || tokens[k].newlines > 0) return null;
    let last = k;
    k++;
    if (isPunct(tokens[k], ",")) k++;
    const year = yearOf(tokens[k]);
    if (year !== null && tokens[k].newlines === 0) last = k;
    return { year, month, day: day2, last };
  }
  const dotted = a.kind === "number" ? /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$/.exec(a.norm) : null;
  if (dotted) {
    const x = Number(dotted[1]);
    const y2 = Number(dotted[2]);
    const year = dotted[3].length === 2 ? 2e3 + Number(dotted[3]) : Number(dotted[3]);
    const [mm, dd] = dayFirst ? [y2, x] : [x, y2];
    if (mm < 1 || mm > 12 || dd < 1 || dd > 31) return null;
    return { year, month: mm, day: dd, last: j };
  }
  const day = dayOf(a);
  if (day !== null) {
    let k = j + 1;
    if (tokens[k]?.norm === "of") k++;
    const m = monthOf(tokens[k]);
    if (m !== null && tokens[k].newlines === 0) {
      let last = afterAbbrevDot(tokens, k);
      k = last + 1;
      if (isPunct(tokens[k], ",")) k++;
      const year = yearOf(tokens[k]);
      if (year !== null && tokens[k].newlines === 0) last = k;
      return { year, month: m, day, last };
    }
    const sep = tokens[j + 1];
    const b = tokens[j + 2];
    if (sep && (sep.text === "/" || sep.text === ".") && !sep.spaceBefore && b && b.kind === "number" && !b.spaceBefore && /^\d{1,2}$/.test(b.norm) && /^\d{1,2}$/.test(a.norm)) {
      const x = Number(a.norm);
      const y2 = Number(b.norm);
      let year = null;
      let last = j + 2;
      const sep2 = tokens[j + 3];
      const c = tokens[j + 4];
      if (sep2 && sep2.text === sep.text && !sep2.spaceBefore && c && !c.spaceBefore && c.kind === "number") {
        if (/^\d{4}$/.test(c.norm)) year = Number(c.norm);
        else if (/^\d{2}$/.test(c.norm)) year = 2e3 + Number(c.norm);
        else return null;
        last = j + 4;
      } else if (sep.text === ".") return null;
      const [mm, dd] = dayFirst ? [y2, x] : [x, y2];
      if (mm < 1 || mm > 12 || dd < 1 || dd > 31) return null;
      return { year, month: mm, day: dd, last };
    }
  }
  const y = yearOf(a);
  if (y !== null) {
    const s1 = tokens[j + 1];
    const m = tokens[j + 2];
    const s2 = tokens[j + 3];
    const d = tokens[j + 4];
    if (s1?.text === "-" && s2?.text === "-" && m && d && !s1.spaceBefore && !m.spaceBefore && !s2.spaceBefore && !d.spaceBefore && /^\d{2}$/.test(m.norm) && /^\d{2}$/.test(d.norm)) {
      const mm = Number(m.norm);
      const dd = Number(d.norm);
      if (mm >= 1 && mm <= 12 && dd >= 1 && dd <= 31) return { year: y, month: mm, day: dd, last: j + 4 };
    }
  }
  return null;
}
function weekdayOf(year, month, day) {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return d.getUTCDay();
}
function dayNumber(iso) {
  if (!iso) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isNaN(ms) ? null : { year: Number(m[1]), ms };
}
var DAY_MS = 864e5;
function resolveYear(month, day, expected, today) {
  for (let year = today.year; year <= today.year + 8; year++) {
    const ms = Date.UTC(year, month - 1, day);
    const wd = weekdayOf(year, month, day);
    if (wd === null) continue;
    if (ms < today.ms) {
      if (today.ms - ms <= 30 * DAY_MS && wd === expected) return { year, weekday: wd };
      continue;
    }
    return { year, weekday: wd };
  }
  return null;
}
function formatDate(month, day, year, dayFirst) {
  return dayFirst ? `${day} ${MONTH_NAMES[month - 1]} ${year}` : `${MONTH_NAMES[month - 1]} ${day}, ${year}`;
}
function styleWeekday(model, weekday, short) {
  let name = WEEKDAYS2[weekday];
  if (short) name = name.slice(0, 3);
  if (model === model.toUpperCase()) return name.toUpperCase();
  if (model === model.toLowerCase()) return name.toLowerCase();
  return name;
}
function checkWeekday(tokens, i, today, dayFirst) {
  const w = tokens[i];
  const info2 = WEEKDAY_WORDS.get(w.norm);
  if (!info2) return null;
  if (info2.short && w.text.charAt(0) === w.text.charAt(0).toLowerCase()) return null;
  let date2 = null;
  let j = i + 1;
  if (info2.short) j = afterAbbrevDot(tokens, i) + 1;
  if (isPunct(tokens[j], ",")) j++;
  if (tokens[j]?.norm === "the") j++;
  if (tokens[j] && tokens[j].newlines === 0) date2 = parseDateAt(tokens, j, dayFirst);
  if (!date2 && isPunct(tokens[i - 1], "(") && isPunct(tokens[i + 1], ")")) {
    for (let s = i - 2; s >= Math.max(0, i - 7); s--) {
      const d = parseDateAt(tokens, s, dayFirst);
      if (d && d.last === i - 2) {
        date2 = d;
        break;
      }
    }
  }
  if (!date2) return null;
  let year = date2.year;
  let actual;
  if (year === null) {
    const t = dayNumber(today);
    if (!t) return null;
    const resolved = resolveYear(date2.month, date2.day, info2.day, t);
    if (!resolved) return null;
    year = resolved.year;
    actual = resolved.weekday;
  } else actual = weekdayOf(year, date2.month, date2.day);
  if (actual === null || actual === info2.day) return null;
  const right = styleWeekday(w.text, actual, info2.short);
  const when = formatDate(date2.month, date2.day, year, dayFirst);
  return {
    rule: "weekday_mismatch",
    severity: "error",
    start: w.start,
    end: w.end,
    message: `${when} is a ${WEEKDAYS2[actual]}, not a ${WEEKDAYS2[info2.day]}${date2.year === null ? ` (taking the next ${MONTH_NAMES[date2.month - 1]} ${date2.day})` : ""}.`,
    suggestion: `Check the date; if it is right, the day is \u201C${right}\u201D.`,
    replacement: right
  };
}

// src/engine/guard/guard.ts
var CONFUSABLE = 1;
var WEEKDAY2 = 2;
var HONORIFIC = 4;
var ATTACH = 8;
var LOREM = 16;
var RULE = 32;
var CLIENT = 64;
var TERM = 128;
var PLACEHOLDER = 256;
var SIGN_OFFS = /* @__PURE__ */ new Set([
  "regards",
  "best",
  "thanks",
  "cheers",
  "sincerely",
  "warmly",
  "warm",
  "kind",
  "many",
  "thank",
  "yours",
  "all",
  "talk",
  "speak",
  "with",
  "respectfully",
  "cordially",
  "sent"
]);
var LEGAL_SUFFIXES = /* @__PURE__ */ new Set([
  "inc",
  "llc",
  "ltd",
  "limited",
  "corp",
  "gmbh",
  "plc",
  "llp",
  "pty",
  "co",
  "lp",
  "sa",
  "ag",
  "bv"
]);
var PRIORITY = {
  guard_rule: 0,
  placeholder: 1,
  other_client: 2,
  fact_mismatch: 3,
  honorific: 4,
  weekday_mismatch: 5,
  contact_name: 6,
  missing_attachment: 7,
  confusable: 8,
  spelling: 9
};
var MAX_PER_RULE2 = 50;
function isUpperChar(c) {
  return c !== c.toLowerCase();
}
var BuiltGuard = class {
  constructor(knowledge2, speller2) {
    this.speller = speller2;
    this.dayFirst = knowledge2.locale === "en-GB";
    const curated = new Set(CURATED_WORDS);
    this.dictionary = (w) => curated.has(w) || (speller2 ? cachedCorrect(speller2, w) : false);
    const workspaceWords = [];
    for (const v of knowledge2.vocabulary ?? []) {
      if (typeof v !== "string") continue;
      for (const w of phraseWords(v)) {
        workspaceWords.push(w.text);
        this.vocabulary.add(w.norm);
      }
    }
    for (const client of knowledge2.clients ?? []) {
      const names = buildClientNames({
        id: client.id,
        name: client.name ?? "",
        aliases: client.aliases ?? [],
        contacts: client.contacts ?? []
      });
      this.names.set(client.id, names);
      for (const part of names.parts) workspaceWords.push(part.canonical);
      for (const n of [client.name ?? "", ...client.aliases ?? []]) {
        const words2 = phraseWords(n);
        for (const w of words2) workspaceWords.push(w.text);
        this.addClientName(words2, client.id, client.name ?? n);
      }
      for (const f of client.facts ?? [])
        if (f.kind === "term") for (const w of phraseWords(f.value)) workspaceWords.push(w.text);
    }
    for (const f of knowledge2.facts ?? [])
      if (f.kind === "term") for (const w of phraseWords(f.value)) workspaceWords.push(w.text);
    this.spelling = new Spelling(speller2, workspaceWords);
    this.facts = new FactBook(
      knowledge2.facts ?? [],
      (knowledge2.clients ?? []).map((c) => ({
        id: c.id,
        facts: c.facts ?? [],
        contactEmails: (c.contacts ?? []).flatMap((p) => p.email ? [p.email] : [])
      })),
      this.dictionary
    );
    this.rules = new RuleSet(knowledge2.rules ?? []);
    const mark = (word, flag) => {
      this.triggers.set(word, (this.triggers.get(word) ?? 0) | flag);
    };
    for (const w of CONFUSABLES_BY_WORD.keys()) mark(w, CONFUSABLE);
    for (const w of [
      "monday",
      "tuesday",
      "wednesday",
      "thursday",
      "friday",
      "saturday",
      "sunday",
      "mon",
      "tue",
      "tues",
      "wed",
      "weds",
      "thu",
      "thur",
      "thurs",
      "fri",
      "sat",
      "sun"
    ])
      mark(w, WEEKDAY2);
    for (const w of ["mr", "mrs", "ms", "mx", "dr", "miss", "mister"]) mark(w, HONORIFIC);
    for (const w of ATTACHMENT_WORDS) mark(w, ATTACH);
    mark("lorem", LOREM);
    for (const w of ["todo", "fixme", "tktk", "tbd", "tbc", "xx", "xxx", "xxxx", "xxxxx", "xxxxxx"])
      mark(w, PLACEHOLDER);
    for (const rule of knowledge2.rules ?? []) {
      for (const p of [rule.phrase, rule.when]) {
        if (typeof p !== "string") continue;
        const first = phraseWords(p)[0];
        if (first && this.rules.startsWith(first.norm)) mark(first.norm, RULE);
      }
    }
    for (const f of [...knowledge2.facts ?? [], ...(knowledge2.clients ?? []).flatMap((c) => c.facts ?? [])]) {
      if (f.kind !== "term") continue;
      const first = phraseWords(f.value)[0];
      if (first && this.facts.termStartsWith(first.norm)) mark(first.norm, TERM);
    }
  }
  speller;
  spelling;
  names = /* @__PURE__ */ new Map();
  clientIndex = new PhraseIndex();
  facts;
  rules;
  triggers = /* @__PURE__ */ new Map();
  vocabulary = /* @__PURE__ */ new Set();
  dayFirst;
  dictionary;
  /** Per word as written: its trigger flags and spelling verdict (memoised, bounded). */
  words = /* @__PURE__ */ new Map();
  addClientName(words2, clientId, display) {
    let ws = words2.filter((w) => w.kind !== "punct");
    if (ws.length > 1 && ws[0].norm === "the") ws = ws.slice(1);
    const variants = [ws];
    let trimmed = ws;
    while (trimmed.length > 1 && LEGAL_SUFFIXES.has(trimmed[trimmed.length - 1].norm)) trimmed = trimmed.slice(0, -1);
    if (trimmed.length !== ws.length) variants.push(trimmed);
    for (const v of variants) {
      if (v.length === 0) continue;
      const commonWord = v.length === 1 && this.dictionary(v[0].norm);
      const added = this.clientIndex.add(
        v.map((w) => w.norm),
        { clientId, display, commonWord },
        v.map((w) => isUpperChar(w.text.charAt(0)))
      );
      if (added) this.triggers.set(v[0].norm, (this.triggers.get(v[0].norm) ?? 0) | CLIENT);
    }
  }
  /** Runs every rule on `text`; findings sorted by position. */
  check(text, options = {}) {
    if (typeof text !== "string" || text.length === 0) return [];
    const clientId = typeof options.clientId === "string" ? options.clientId : void 0;
    const own = clientId ? this.names.get(clientId) : void 0;
    const attachmentsZero = options.attachments === 0;
    const tokens = tokenise(text);
    const out = [];
    const hits = new RuleHits();
    let attachmentFlagged = false;
    let ownCoveredUntil = -1;
    let otherCoveredUntil = -1;
    let termCoveredUntil = -1;
    let signatureFrom = Infinity;
    const checkNumbers = this.facts.has("short_code", clientId) || this.facts.has("price", clientId);
    const checkIds = this.facts.has("identifier", clientId);
    const hasTerms = this.facts.has("term", clientId);
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      const kind = t.kind;
      if (kind === "punct") continue;
      if (kind === "url" || kind === "email") {
        this.facts.checkAddress(t, clientId, out);
        continue;
      }
      if (kind === "code") continue;
      if (kind === "number") {
        if (checkNumbers) this.facts.checkNumber(text, tokens, i, clientId, out);
        if (checkIds) i = this.identifierAt(text, tokens, i, clientId, out);
        continue;
      }
      if (kind === "mixed" && checkIds) {
        const before2 = out.length;
        const last = this.identifierAt(text, tokens, i, clientId, out);
        if (out.length > before2 || last > i) {
          i = last;
          continue;
        }
      }
      let entry = this.words.get(t.text);
      if (entry === void 0) entry = this.wordEntry(t);
      const flags = entry.flags;
      if (flags !== 0) {
        if (flags & CONFUSABLE) {
          const hit = checkConfusable(tokens, i, CONFUSABLES_BY_WORD.get(t.norm));
          if (hit) {
            out.push({
              rule: "confusable",
              severity: "warning",
              start: t.start,
              end: t.end,
              message: hit.why,
              suggestion: `Did you mean \u201C${hit.fix}\u201D?`,
              replacement: hit.fix
            });
          }
        }
        if (flags & WEEKDAY2) {
          const f = checkWeekday(tokens, i, options.date, this.dayFirst);
          if (f) out.push(f);
        }
        if (flags & HONORIFIC && own) {
          const f = checkHonorific(text, tokens, i, own);
          if (f) out.push(f);
        }
        if (flags & ATTACH && attachmentsZero && !attachmentFlagged && announcesAttachment(tokens, i)) {
          attachmentFlagged = true;
          out.push({
            rule: "missing_attachment",
            severity: "error",
            start: t.start,
            end: t.end,
            message: `The text mentions an attachment (\u201C${t.text}\u201D) but nothing is attached.`,
            suggestion: "Attach the file, or remove the mention."
          });
        }
        if (flags & LOREM) {
          const next = tokens[i + 1];
          if (next && next.norm === "ipsum")
            out.push(placeholderFinding(t.start, next.end, "\u201CLorem ipsum\u201D filler text", "error"));
        }
        if (flags & PLACEHOLDER) {
          const p = placeholderWord(t.text);
          if (p) out.push(placeholderFinding(t.start, t.end, p.what, p.severity));
        }
        if (flags & RULE) this.rules.collect(tokens, i, clientId, hits);
        if (flags & CLIENT && clientId) {
          const m = this.otherClientAt(tokens, i, clientId, own, ownCoveredUntil, otherCoveredUntil, out);
          ownCoveredUntil = m.own;
          otherCoveredUntil = m.other;
        }
        if (flags & TERM && i > termCoveredUntil) {
          const last = this.facts.checkTermCase(tokens, i, clientId, out);
          if (last >= 0) termCoveredUntil = last;
        }
      }
      if (t.newlines > 0 && signatureFrom === Infinity && SIGN_OFFS.has(t.norm)) {
        for (let k = i + 1; k < tokens.length && k <= i + 5; k++) {
          if (tokens[k].newlines > 0) {
            const end = tokens[k - 1];
            if (end.text === "," || end.kind === "word") signatureFrom = tokens[k].start;
            break;
          }
        }
      }
      if (i <= termCoveredUntil) continue;
      const capitalised = kind === "word" && t.norm !== t.text && isUpperChar(t.text.charAt(0)) && t.text !== t.text.toUpperCase();
      if (capitalised) {
        if (own && t.start < signatureFrom && this.contactNameAt(tokens, i, own, out)) continue;
        if (!t.sentenceStart && hasTerms && entry.spell !== SPELL_OK && !this.facts.isTermWord(t.norm, clientId) && this.facts.checkTermNearMiss(t, clientId, out)) continue;
        if (t.start >= signatureFrom) continue;
      }
      const spell = entry.spell;
      if (spell === SPELL_OK || spell === SPELL_CAPITALISED && !t.sentenceStart || Spelling.hyphenPrefix(tokens, i)) continue;
      if (hasTerms && this.facts.checkTermNearMiss(t, clientId, out)) continue;
      const suggestion = entry.fix ?? (kind === "word" ? this.spelling.suggest(t.text) : null);
      if (spell === SPELL_CAPITALISED && !suggestion) continue;
      out.push({
        rule: "spelling",
        severity: "warning",
        start: t.start,
        end: t.end,
        message: suggestion ? `\u201C${t.text}\u201D looks misspelled.` : `\u201C${t.text}\u201D is not in the dictionary or the workspace vocabulary.`,
        suggestion: suggestion ? `Did you mean \u201C${suggestion}\u201D?` : "Check the spelling, or add the word to the workspace vocabulary.",
        ...suggestion && { replacement: suggestion }
      });
    }
    scanPlaceholders(
      text,
      {
        clientName: own?.display ?? null,
        firstName: own && own.contacts.length === 1 ? own.contacts[0].preferred ?? own.contacts[0].first : null,
        fullName: own && own.contacts.length === 1 ? own.contacts[0].name : null
      },
      out
    );
    this.facts.checkPhones(text, clientId, out);
    this.rules.findings(text, clientId, hits, out);
    return finish(out, text.length);
  }
  /** Computes and memoises what the guard needs to know about a word as written. */
  wordEntry(t) {
    const { verdict, fix } = this.spelling.classify(t);
    const entry = { flags: this.triggers.get(t.norm) ?? 0, spell: verdict, fix };
    if (this.words.size >= 5e4) trimOldest(this.words);
    this.words.set(t.text, entry);
    return entry;
  }
  /** An identifier-like chunk glued from tokens at `i` (INV-2041, AB12-CD); returns the last token index consumed. */
  identifierAt(text, tokens, i, clientId, out) {
    let last = i;
    let k = i + 1;
    while (k + 1 < tokens.length) {
      const sep2 = tokens[k];
      const next = tokens[k + 1];
      if (sep2.kind !== "punct" || sep2.spaceBefore || !"-/#.".includes(sep2.text) || next.spaceBefore || next.kind === "punct" || next.kind === "url" || next.kind === "email" || next.kind === "code")
        break;
      last = k + 1;
      k += 2;
    }
    let first = i;
    const sep = tokens[i - 1];
    const pre = tokens[i - 2];
    if (sep && pre && sep.kind === "punct" && !sep.spaceBefore && "-#".includes(sep.text) && pre.kind === "word" && pre.text === pre.text.toUpperCase())
      first = i - 2;
    const start = tokens[first].start;
    const end = tokens[last].end;
    if (first === i && last === i && tokens[i].kind === "number" && !/^\d+$/.test(tokens[i].text)) return i;
    if (out.some((f) => f.rule === "fact_mismatch" && f.start <= start && f.end >= end)) return last;
    this.facts.checkIdentifier(text, start, end, clientId, out);
    return last;
  }
  /** other_client at token `i`; returns the updated coverage marks. */
  otherClientAt(tokens, i, clientId, own, ownUntil, otherUntil, out) {
    const matches2 = this.clientIndex.matchAt(tokens, i);
    let ownEnd = ownUntil;
    for (const m of matches2) if (m.entry.payload.clientId === clientId) ownEnd = Math.max(ownEnd, m.last);
    let otherEnd = otherUntil;
    for (const m of matches2) {
      const p = m.entry.payload;
      if (p.clientId === clientId || i <= ownEnd || i <= otherEnd) continue;
      const t = tokens[i];
      if (p.commonWord && (t.sentenceStart || !isUpperChar(t.text.charAt(0)))) continue;
      if (m.first === m.last && own?.exact.has(stripPossessive(t.norm))) continue;
      const written = tokensSpan(tokens, m.first, m.last);
      out.push({
        rule: "other_client",
        severity: "error",
        start: m.start,
        end: m.end,
        message: `\u201C${written}\u201D is another client (${p.display}); this message is for ${own?.display ?? "a different client"}.`,
        suggestion: own ? `Did you mean \u201C${own.display}\u201D?` : "Remove the other client\u2019s name.",
        ...own && { replacement: own.display }
      });
      otherEnd = m.last;
      break;
    }
    return { own: ownEnd, other: otherEnd };
  }
  /** contact_name at a capitalised word token; true when it pushed a finding. */
  contactNameAt(tokens, i, own, out) {
    const t = tokens[i];
    const norm = stripPossessive(t.norm);
    if (norm.length < 3 || own.exact.has(norm) || this.vocabulary.has(norm) || isMonthWord(norm) || isWeekdayWord(norm) || isHonorificWord(norm))
      return false;
    const near = nearNamePart(norm, own);
    if (!near) return false;
    if (this.dictionary(norm) && !this.nameContext(tokens, i, own)) return false;
    const right = near.part.canonical;
    const replacement = matchCase(t.text, right) + t.text.slice(norm.length);
    out.push({
      rule: "contact_name",
      severity: "warning",
      start: t.start,
      end: t.end,
      message: `\u201C${t.text}\u201D looks like a misspelling of ${near.part.contact.name}\u2019s ${near.part.role === "last" ? "surname" : "name"} (\u201C${right}\u201D).`,
      suggestion: `Did you mean \u201C${right}\u201D?`,
      replacement
    });
    return true;
  }
  /** The word at `i` is in a name position: after a greeting or honorific, or beside a contact's name. */
  nameContext(tokens, i, own) {
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    if (prev && prev.kind === "word" && (GREETINGS.has(prev.norm) || isHonorificWord(prev.norm) || own.exact.has(prev.norm)))
      return true;
    if (prev && prev.text === "." && isHonorificWord(tokens[i - 2]?.norm ?? "")) return true;
    if (next && next.kind === "word" && own.surnames.has(stripPossessive(next.norm))) return true;
    if (next && next.kind === "punct" && next.text === "," && (i === 0 || tokens[i].newlines > 0)) return true;
    return false;
  }
};
var GREETINGS = /* @__PURE__ */ new Set([
  "hi",
  "hello",
  "dear",
  "hey",
  "thanks",
  "morning",
  "afternoon",
  "evening",
  "cheers",
  "ok",
  "okay",
  "and",
  "cc",
  "attn",
  "to"
]);
function tokensSpan(tokens, first, last) {
  let s = "";
  for (let j = first; j <= last; j++) s += (j > first && tokens[j].spaceBefore ? " " : "") + tokens[j].text;
  return s;
}
function finish(findings, length) {
  for (const f of findings) {
    f.start = Math.max(0, Math.min(length, f.start));
    f.end = Math.max(f.start, Math.min(length, f.end));
  }
  findings.sort((a, b) => a.start - b.start || (PRIORITY[a.rule] ?? 99) - (PRIORITY[b.rule] ?? 99) || a.end - b.end);
  const kept = [];
  const perRule = /* @__PURE__ */ new Map();
  for (const f of findings) {
    const weak = f.rule === "spelling" || f.rule === "confusable";
    let drop = false;
    for (let k = kept.length - 1; k >= 0; k--) {
      const g3 = kept[k];
      if (g3.end <= f.start && g3.start < f.start - 200) break;
      const overlap = g3.start < f.end && f.start < g3.end;
      const same = g3.start === f.start && g3.end === f.end;
      if (same && g3.rule === f.rule) {
        drop = true;
        break;
      }
      if (overlap && weak && g3.rule !== f.rule) {
        drop = true;
        break;
      }
    }
    if (drop) continue;
    const n = perRule.get(f.rule) ?? 0;
    if (n >= MAX_PER_RULE2) continue;
    perRule.set(f.rule, n + 1);
    kept.push(f);
  }
  return kept.filter((f, idx) => {
    if (f.rule !== "spelling" && f.rule !== "confusable") return true;
    for (let k = idx + 1; k < kept.length && kept[k].start < f.end; k++)
      if (kept[k].rule !== f.rule && kept[k].rule !== "spelling" && kept[k].rule !== "confusable") return false;
    return true;
  });
}

// src/engine/guard/index.ts
function buildGuard(knowledge2, options = {}) {
  return new BuiltGuard(knowledge2, options.speller);
}

// src/bootstrap/spellers.ts
import nspell from "nspell";
var spellers = /* @__PURE__ */ new Map();
function loadSpeller(locale) {
  let speller2 = spellers.get(locale);
  if (!speller2) {
    speller2 = (async () => {
      const dictionary = locale === "en-GB" ? (await import("dictionary-en-gb")).default : (await import("dictionary-en")).default;
      return nspell({ aff: Buffer.from(dictionary.aff), dic: Buffer.from(dictionary.dic) });
    })();
    spellers.set(locale, speller2);
    speller2.catch(() => spellers.delete(locale));
  }
  return speller2;
}

// bench/.h2-prof.ts
var { knowledge, emails, date } = buildWorkload();
var speller = await loadSpeller("en-US");
var guard = buildGuard(knowledge, { speller });
function time(name, fn, rounds = 10) {
  fn();
  const ts = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    fn();
    ts.push(performance.now() - t0);
  }
  ts.sort((a, b) => a - b);
  console.log(name, (ts[rounds >> 1] / emails.length * 1e3).toFixed(1), "\xB5s/email");
}
time("guard no client", () => {
  for (const e of emails) guard.check(e.text, { date });
});
