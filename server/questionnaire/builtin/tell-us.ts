// "Tell Us": comments, compliments, complaints and ideas. The question ids and option values
// here are a contract with the submission pipeline (feedback_type, message, tell_my_worker,
// wants_reply, contact): it files a Tell Us item and, for a complaint, opens the complaints
// procedure. Change the words freely; keep the ids and values.
import type { Definition } from '../definition.ts';
import { plainYesNoOptions } from './scales.ts';
import { same, t } from './text.ts';

export const TellUs: Definition = {
  schemaVersion: 1,
  slug: 'tell-us',
  kind: 'tell_us',
  audience: 'child',
  languages: ['en', 'cy', 'pl', 'ro', 'ur'],
  guideName: same('Sam'),
  title: t('Tell us', 'Dweud wrthon ni', 'Powiedz nam', 'Spune-ne', 'ہمیں بتائیں'),
  intro: t(
    'Tell us what you think about the youth justice service: good or bad. You can stay anonymous: you do not have to give your name. A parent or carer can fill this in for you, or with you. If you want, we can let your worker know, or reply to you.',
    "Dyweda wrthon ni beth rwyt ti'n ei feddwl am y gwasanaeth cyfiawnder ieuenctid: da neu ddrwg. Gelli di aros yn ddienw: does dim rhaid i ti roi dy enw. Gall rhiant neu ofalwr lenwi hwn i ti, neu gyda ti. Os wyt ti eisiau, gallwn ni roi gwybod i dy weithiwr, neu ateb i ti.",
    'Powiedz nam, co myślisz o naszej służbie dla młodzieży: dobre czy złe. Możesz zostać anonimowo: nie musisz podawać imienia. Rodzic lub opiekun może wypełnić to za ciebie albo razem z tobą. Jeśli chcesz, możemy dać znać osobie, która z tobą pracuje, albo ci odpowiedzieć.',
    'Spune-ne ce crezi despre serviciul de justiție pentru tineri: bine sau rău. Poți rămâne anonim: nu trebuie să-ți spui numele. Un părinte sau o persoană care are grijă de tine poate completa asta pentru tine sau împreună cu tine. Dacă vrei, putem să-i spunem persoanei care lucrează cu tine sau să-ți răspundem.',
    'ہمیں بتائیں کہ آپ یوتھ جسٹس سروس کے بارے میں کیا سوچتے ہیں: اچھا یا برا۔ آپ گمنام رہ سکتے ہیں: آپ کو اپنا نام بتانے کی ضرورت نہیں۔ والدین یا دیکھ بھال کرنے والا آپ کے لیے، یا آپ کے ساتھ مل کر، یہ بھر سکتا ہے۔ اگر آپ چاہیں تو ہم آپ کے ورکر کو بتا سکتے ہیں، یا آپ کو جواب دے سکتے ہیں۔',
  ),
  thanks: t(
    'Thank you for telling us. Someone will read it soon. If you asked for a reply, we will get back to you.',
    "Diolch am ddweud wrthon ni. Bydd rhywun yn ei ddarllen cyn bo hir. Os gofynnaist ti am ateb, byddwn ni'n cysylltu â ti.",
    'Dziękujemy, że nam o tym mówisz. Ktoś wkrótce to przeczyta. Jeśli prosisz o odpowiedź, odezwiemy się do ciebie.',
    'Îți mulțumim că ne-ai spus. Cineva va citi în curând. Dacă ai cerut un răspuns, te vom contacta.',
    'ہمیں بتانے کا شکریہ۔ کوئی جلد اسے پڑھے گا۔ اگر آپ نے جواب مانگا ہے تو ہم آپ سے رابطہ کریں گے۔',
  ),
  questions: [
    {
      id: 'feedback_type',
      type: 'single_choice',
      required: true,
      title: t('What would you like to tell us?', 'Beth hoffet ti ei ddweud wrthon ni?', 'Co chcesz nam powiedzieć?', 'Ce vrei să ne spui?', 'آپ ہمیں کیا بتانا چاہتے ہیں؟'),
      easyRead: { title: t('What is it about?', 'Am beth mae e?', 'O czym to jest?', 'Despre ce este vorba?', 'یہ کس بارے میں ہے؟') },
      report: { label: 'Kind of feedback' },
      options: [
        {
          value: 'comment',
          meaning: 'comment',
          label: t(
            'A comment: something you think, like “the meeting room is too cold”',
            "Sylw: rhywbeth rwyt ti'n ei feddwl, fel “mae'r ystafell gyfarfod yn rhy oer”",
            'Uwaga: coś, co myślisz, na przykład „w sali spotkań jest za zimno”',
            'Un comentariu: ceva ce crezi, de exemplu „camera de întâlniri e prea rece”',
            'رائے: کوئی بات جو آپ سوچتے ہیں، جیسے “ملاقات کا کمرہ بہت ٹھنڈا ہے”',
          ),
          easyRead: t('Something I think', "Rhywbeth dw i'n ei feddwl", 'Coś, co myślę', 'Ceva ce cred', 'میری رائے'),
        },
        {
          value: 'compliment',
          meaning: 'compliment',
          label: t(
            'A compliment: something was good and you want to say so, like “my worker really listened to me”',
            "Canmoliaeth: roedd rhywbeth yn dda ac rwyt ti eisiau dweud hynny, fel “wnaeth fy ngweithiwr wir wrando arna i”",
            'Pochwała: coś było dobre i chcesz to powiedzieć, na przykład „osoba, która ze mną pracuje, naprawdę mnie słuchała”',
            'O laudă: ceva a fost bine și vrei să spui asta, de exemplu „persoana care lucrează cu mine chiar m-a ascultat”',
            'تعریف: کوئی چیز اچھی تھی اور آپ یہ بتانا چاہتے ہیں، جیسے “میرے ورکر نے واقعی میری بات سنی”',
          ),
          easyRead: t('Something good', 'Rhywbeth da', 'Coś dobrego', 'Ceva bun', 'کچھ اچھا'),
        },
        {
          value: 'complaint',
          meaning: 'complaint',
          label: t(
            'A complaint: something was not OK and you want it put right, like “nobody turned up to my appointment”',
            "Cwyn: doedd rhywbeth ddim yn iawn ac rwyt ti eisiau iddo gael ei unioni, fel “ddaeth neb i fy apwyntiad”",
            'Skarga: coś było nie tak i chcesz, żeby to naprawić, na przykład „nikt nie przyszedł na moje spotkanie”',
            'O plângere: ceva nu a fost în regulă și vrei să fie îndreptat, de exemplu „nu a venit nimeni la întâlnirea mea”',
            'شکایت: کوئی چیز ٹھیک نہیں تھی اور آپ چاہتے ہیں کہ اسے درست کیا جائے، جیسے “میری ملاقات پر کوئی نہیں آیا”',
          ),
          easyRead: t('Something was wrong', "Roedd rhywbeth o'i le", 'Coś było nie tak', 'Ceva n-a fost bine', 'کچھ غلط ہوا'),
        },
        {
          value: 'idea',
          meaning: 'idea',
          label: t(
            'An idea: something that would make things better, like “text me a reminder the day before”',
            "Syniad: rhywbeth fyddai'n gwneud pethau'n well, fel “anfonwch neges i'm hatgoffa y diwrnod cynt”",
            'Pomysł: coś, co by wszystko ulepszyło, na przykład „wyślijcie mi SMS z przypomnieniem dzień wcześniej”',
            'O idee: ceva care ar face lucrurile mai bune, de exemplu „trimiteți-mi un mesaj de reamintire cu o zi înainte”',
            'خیال: کوئی چیز جو حالات بہتر بنا دے، جیسے “ایک دن پہلے مجھے یاد دہانی کا میسج بھیج دیں”',
          ),
          easyRead: t('An idea', 'Syniad', 'Pomysł', 'O idee', 'ایک خیال'),
        },
      ],
    },
    {
      id: 'message',
      type: 'long_text',
      required: true,
      maxLength: 3000,
      title: t('Tell us here', 'Dyweda wrthon ni yma', 'Napisz tutaj', 'Scrie-ne aici', 'یہاں لکھیں'),
      hint: t(
        'Write as much or as little as you like.',
        'Ysgrifenna gymaint neu gyn lleied ag rwyt ti eisiau.',
        'Napisz tyle, ile chcesz.',
        'Scrie cât de mult sau cât de puțin vrei.',
        'جتنا چاہیں کم یا زیادہ لکھیں۔',
      ),
      easyRead: { title: t('Tell us', 'Dyweda wrthon ni', 'Napisz nam', 'Spune-ne', 'ہمیں بتائیں') },
      report: { label: 'Message' },
    },
    {
      id: 'tell_my_worker',
      type: 'yes_no',
      options: plainYesNoOptions(),
      title: t(
        'Would you like your worker to know?',
        'Hoffet ti i dy weithiwr wybod?',
        'Czy chcesz, żeby osoba, która z tobą pracuje, o tym wiedziała?',
        'Vrei ca persoana care lucrează cu tine să știe?',
        'کیا آپ چاہتے ہیں کہ آپ کے ورکر کو پتا ہو؟',
      ),
      hint: t(
        'If you say yes, we will share this with your worker so they can help.',
        "Os byddi di'n dweud ie, byddwn ni'n rhannu hyn gyda dy weithiwr er mwyn iddyn nhw allu helpu.",
        'Jeśli powiesz tak, przekażemy to tej osobie, żeby mogła pomóc.',
        'Dacă spui da, îi vom spune și te poate ajuta.',
        'اگر آپ ہاں کہیں تو ہم یہ آپ کے ورکر کو بتائیں گے تاکہ وہ مدد کر سکیں۔',
      ),
      easyRead: { title: t('Should we tell your worker?', "Ddylen ni ddweud wrth dy weithiwr?", 'Czy mamy powiedzieć tej osobie?', 'Să-i spunem persoanei care lucrează cu tine?', 'کیا ہم آپ کے ورکر کو بتائیں؟') },
      report: { label: 'Tell my worker' },
    },
    {
      id: 'wants_reply',
      type: 'yes_no',
      options: plainYesNoOptions(),
      title: t('Would you like us to reply?', 'Hoffet ti i ni ateb?', 'Czy chcesz, żebyśmy ci odpowiedzieli?', 'Vrei să-ți răspundem?', 'کیا آپ چاہتے ہیں کہ ہم آپ کو جواب دیں؟'),
      hint: t(
        'We can only reply if you tell us how to reach you.',
        "Dim ond os byddi di'n dweud wrthon ni sut i gysylltu â ti y gallwn ni ateb.",
        'Możemy odpowiedzieć tylko wtedy, gdy napiszesz, jak się z tobą skontaktować.',
        'Putem răspunde doar dacă ne spui cum te putem contacta.',
        'ہم صرف تب جواب دے سکتے ہیں جب آپ ہمیں بتائیں کہ آپ سے کیسے رابطہ کریں۔',
      ),
      easyRead: { title: t('Do you want an answer from us?', 'Wyt ti eisiau ateb gennyn ni?', 'Czy chcesz od nas odpowiedź?', 'Vrei un răspuns de la noi?', 'کیا آپ ہم سے جواب چاہتے ہیں؟') },
      report: { label: 'Wants a reply' },
    },
    {
      id: 'contact',
      type: 'contact',
      fields: ['name', 'phone', 'email', 'best_time'],
      showIf: { questionId: 'wants_reply', anyOf: ['yes'] },
      title: t('How can we reach you?', 'Sut gallwn ni gysylltu â ti?', 'Jak możemy się z tobą skontaktować?', 'Cum te putem contacta?', 'ہم آپ سے کیسے رابطہ کریں؟'),
      hint: t(
        'Give as much as you are happy to. We only use this to reply to you, then we delete it.',
        "Rho gymaint ag rwyt ti'n hapus i'w roi. Dim ond i ateb i ti y byddwn ni'n defnyddio hyn, ac yna byddwn ni'n ei ddileu.",
        'Podaj tyle, ile chcesz. Użyjemy tego tylko, żeby ci odpowiedzieć, a potem to usuniemy.',
        'Dă-ne cât de multe detalii vrei. Le folosim doar ca să-ți răspundem, apoi le ștergem.',
        'جتنا آپ مناسب سمجھیں بتائیں۔ ہم اسے صرف آپ کو جواب دینے کے لیے استعمال کریں گے، پھر مٹا دیں گے۔',
      ),
      easyRead: { title: t('How do we get in touch?', 'Sut ydyn ni’n cysylltu â ti?', 'Jak mamy się z tobą skontaktować?', 'Cum luăm legătura cu tine?', 'ہم آپ سے کیسے رابطہ کریں؟') },
    },
  ],
};
