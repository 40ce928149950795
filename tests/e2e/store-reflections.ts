/**
 * Believable reflections for the store screenshots, in English and German: a few months of
 * a person's lessons at work, with tags, stings, follow-ups (some applied, some due now) and
 * one "who was affected". Hand-written, so the pages look like someone's real notebook.
 */
import { reflection } from './seed';

export type StoreLanguage = 'en' | 'de';

const DAY = 86_400_000;

interface Lesson {
  happened: string;
  learned: string;
  nextTime: string;
  tags: string[];
  sting: number;
}

const LESSONS: Record<StoreLanguage, Lesson[]> = {
  en: [
    {
      happened:
        'I approved a pull request without running it, and the release broke the sign-up form for an hour.',
      learned: 'A quick look is not a review. When I am rushed, I skip the step that matters most.',
      nextTime: 'Check out the branch and click through the changed flow before approving.',
      tags: ['code-review', 'rushed'],
      sting: 4,
    },
    {
      happened: 'I said the search work would take two days. It took six.',
      learned: 'My estimates leave no room for the unknowns I already suspected.',
      nextTime: 'Give estimates as a range and say out loud what could stretch them.',
      tags: ['estimates', 'planning'],
      sting: 3,
    },
    {
      happened: 'In the retro I talked over Sam while she was explaining the outage.',
      learned: 'When I am nervous I fill silence. It made her point harder to hear.',
      nextTime: 'Let people finish, then ask one question before I add anything.',
      tags: ['meetings', 'listening'],
      sting: 3,
    },
    {
      happened: 'The database migration ran against staging with last month’s backup.',
      learned: 'I trusted a checklist item I had not read in months.',
      nextTime: 'Restore the backup and check its date before any migration.',
      tags: ['databases', 'checklists'],
      sting: 4,
    },
    {
      happened: 'I found out a customer waited three days for an answer I had promised.',
      learned: 'A promise without a reminder is a hope.',
      nextTime: 'Put every promised reply in my calendar the moment I make it.',
      tags: ['customer', 'follow-up'],
      sting: 2,
    },
    {
      happened: 'I pushed a config change late on Friday and the alerts fired all weekend.',
      learned: 'Tired decisions are worse decisions, and Friday evening is tired.',
      nextTime: 'Keep Friday afternoons for low-risk work.',
      tags: ['deploy', 'rushed'],
      sting: 5,
    },
    {
      happened: 'The new colleague struggled for a week before asking me anything.',
      learned: 'Saying “ask me anything” is not the same as checking in.',
      nextTime: 'Check in with newcomers at the end of their first and second day.',
      tags: ['mentoring', 'onboarding'],
      sting: 2,
    },
    {
      happened: 'My demo stalled because the test data had expired overnight.',
      learned: 'A rehearsal an hour before is worth more than one the day before.',
      nextTime: 'Run the whole demo once, an hour before it starts.',
      tags: ['presentation', 'planning'],
      sting: 3,
    },
    {
      happened: 'I spotted a risk in the plan and did not mention it. It happened.',
      learned: 'Saying “I am not sure” early builds more trust than a confident silence.',
      nextTime: 'Name one risk in every planning meeting, even a small one.',
      tags: ['communication', 'planning'],
      sting: 4,
    },
    {
      happened: 'I rewrote a module that another team had already fixed.',
      learned: 'Ten minutes of asking saves two days of duplicate work.',
      nextTime: 'Post a short note in the team channel before starting anything bigger.',
      tags: ['communication', 'focus'],
      sting: 2,
    },
  ],
  de: [
    {
      happened:
        'Ich habe einen Pull-Request freigegeben, ohne ihn laufen zu lassen. Danach war das Anmeldeformular eine Stunde kaputt.',
      learned:
        'Kurz drüberschauen ist kein Review. Unter Zeitdruck lasse ich genau den wichtigsten Schritt aus.',
      nextTime:
        'Den Branch auschecken und den geänderten Ablauf einmal durchklicken, bevor ich freigebe.',
      tags: ['code-review', 'zeitdruck'],
      sting: 4,
    },
    {
      happened: 'Ich habe zwei Tage für die Suche geschätzt. Es wurden sechs.',
      learned: 'Meine Schätzungen lassen keinen Platz für Unbekanntes, das ich schon geahnt habe.',
      nextTime: 'Schätzungen als Spanne nennen und sagen, was sie verlängern könnte.',
      tags: ['schätzungen', 'planung'],
      sting: 3,
    },
    {
      happened: 'In der Retro bin ich Sam ins Wort gefallen, als sie den Ausfall erklärt hat.',
      learned: 'Wenn ich nervös bin, fülle ich jede Pause. Das hat ihren Punkt übertönt.',
      nextTime: 'Ausreden lassen, dann erst eine Frage stellen, bevor ich etwas ergänze.',
      tags: ['meetings', 'zuhören'],
      sting: 3,
    },
    {
      happened: 'Die Datenbankmigration lief auf Staging mit dem Backup vom Vormonat.',
      learned:
        'Ich habe einem Punkt der Checkliste vertraut, den ich seit Monaten nicht gelesen hatte.',
      nextTime: 'Vor jeder Migration das Backup wiederherstellen und sein Datum prüfen.',
      tags: ['datenbanken', 'checklisten'],
      sting: 4,
    },
    {
      happened: 'Eine Kundin hat drei Tage auf eine Antwort gewartet, die ich versprochen hatte.',
      learned: 'Ein Versprechen ohne Erinnerung ist nur eine Hoffnung.',
      nextTime: 'Jede zugesagte Antwort sofort in den Kalender eintragen.',
      tags: ['kunden', 'nachfassen'],
      sting: 2,
    },
    {
      happened:
        'Ich habe freitagabends eine Konfiguration geändert, und die Alarme liefen das ganze Wochenende.',
      learned: 'Müde Entscheidungen sind schlechtere Entscheidungen, und Freitagabend ist müde.',
      nextTime: 'Freitagnachmittags nur Arbeit mit wenig Risiko.',
      tags: ['deployment', 'zeitdruck'],
      sting: 5,
    },
    {
      happened: 'Die neue Kollegin hat sich eine Woche abgemüht, bevor sie mich etwas gefragt hat.',
      learned: '„Frag mich jederzeit“ ist nicht dasselbe wie nachfragen.',
      nextTime: 'Bei Neuen am ersten und zweiten Tag abends kurz nachfragen.',
      tags: ['mentoring', 'einarbeitung'],
      sting: 2,
    },
    {
      happened: 'Meine Demo hing, weil die Testdaten über Nacht abgelaufen waren.',
      learned: 'Eine Probe eine Stunde vorher ist mehr wert als eine am Vortag.',
      nextTime: 'Die ganze Demo eine Stunde vor Beginn einmal durchspielen.',
      tags: ['präsentation', 'planung'],
      sting: 3,
    },
    {
      happened: 'Ich habe ein Risiko im Plan gesehen und nichts gesagt. Es ist eingetreten.',
      learned:
        '„Ich bin mir nicht sicher“ früh zu sagen, schafft mehr Vertrauen als selbstsicheres Schweigen.',
      nextTime: 'In jeder Planung ein Risiko benennen, auch ein kleines.',
      tags: ['kommunikation', 'planung'],
      sting: 4,
    },
    {
      happened: 'Ich habe ein Modul neu geschrieben, das ein anderes Team schon repariert hatte.',
      learned: 'Zehn Minuten Fragen sparen zwei Tage doppelte Arbeit.',
      nextTime: 'Vor allem Größeren eine kurze Nachricht in den Team-Kanal schreiben.',
      tags: ['kommunikation', 'fokus'],
      sting: 2,
    },
  ],
};

const OUTCOMES = ['applied', 'applied', 'partly', 'applied', 'not-yet', 'applied', 'partly'];
const AFFECTED: Record<StoreLanguage, string> = { en: 'Sam (QA)', de: 'Sam (QA)' };

/**
 * About four months of reflections before `now` in `language`: the lessons above, newest
 * first (each once in the newest ten, then again further back), with follow-ups answered
 * after a week and the newest commitment due for its check-in now.
 */
export function storeReflections(language: StoreLanguage, now: number): Record<string, unknown>[] {
  const lessons = LESSONS[language];
  const records: Record<string, unknown>[] = [];
  const count = 34;
  for (let i = 0; i < count; i++) {
    const lesson = lessons[i % lessons.length] as Lesson;
    // Two or three a week, at working hours, with gaps like a real person's.
    const createdAt = now - Math.round((i * 3.4 + (i % 3) * 0.6 + 0.2) * DAY) - (i % 5) * 3_600_000;
    const id = `5a0e0000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    const base = reflection(id, createdAt, {
      happened: lesson.happened,
      learned: lesson.learned,
      tags: lesson.tags,
      sting: lesson.sting,
    });
    const weekLater = createdAt + 7 * DAY;
    const followUps =
      i === 2
        ? [
            { dueAt: now - 2 * 3_600_000, answeredAt: null, outcome: null, note: '' },
            { dueAt: createdAt + 30 * DAY, answeredAt: null, outcome: null, note: '' },
          ]
        : weekLater < now
          ? [
              {
                dueAt: weekLater,
                answeredAt: weekLater + 3_600_000,
                outcome: OUTCOMES[i % OUTCOMES.length],
                note: '',
              },
            ]
          : [{ dueAt: weekLater, answeredAt: null, outcome: null, note: '' }];
    records.push({
      ...base,
      answers: { happened: lesson.happened, learned: lesson.learned, nextTime: lesson.nextTime },
      trigger: i % 4 === 1 ? 'schedule' : 'manual',
      followUps,
      pinned: i === 3,
      share: i === 2 ? { affected: AFFECTED[language], told: false, toldAt: null } : null,
    });
  }
  return records;
}
