// The questionnaire the respondent journey tests in Chromium answer: every kind of step the
// journey must handle (faces, a safety question with a follow-up, short text, contact details),
// in English and in Urdu (right to left), with a named guide for chat mode.
import type { Definition } from '../../../server/questionnaire/definition.ts';

const both = (en: string, ur: string) => ({ en, ur });
/** A small End of Order questionnaire in English and Urdu, under the slug a test file gives it. */
export const journeyDefinition = (slug: string): Definition => ({
  schemaVersion: 1,
  slug,
  kind: 'end_of_order',
  audience: 'child',
  languages: ['en', 'ur'],
  guideName: both('Sam', 'سام'),
  title: both('How did we do?', 'ہم نے کیسا کیا؟'),
  intro: both('Tell us what it was like working with us.', 'ہمیں بتائیں کہ ہمارے ساتھ کام کرنا کیسا تھا۔'),
  thanks: both('Thank you for telling us.', 'بتانے کا شکریہ۔'),
  questions: [
    {
      id: 'overall',
      type: 'faces',
      required: true,
      title: both('Overall, how was the help you got?', 'مجموعی طور پر مدد کیسی تھی؟'),
      options: [
        { value: '3', label: both('Good', 'اچھی'), emoji: '🙂', positive: true },
        { value: '2', label: both('OK', 'ٹھیک'), emoji: '😐' },
        { value: '1', label: both('Not good', 'اچھی نہیں'), emoji: '🙁' },
      ],
    },
    {
      id: 'feel_safe',
      type: 'yes_no',
      title: both('Do you feel safe where you live?', 'کیا آپ جہاں رہتے ہیں وہاں محفوظ محسوس کرتے ہیں؟'),
      options: [
        { value: 'yes', label: both('Yes', 'ہاں'), positive: true },
        { value: 'no', label: both('No', 'نہیں'), concern: true },
      ],
    },
    { id: 'tell_more', type: 'long_text', title: both('Do you want to tell us more?', 'کیا آپ مزید بتانا چاہتے ہیں؟'), showIf: { questionId: 'feel_safe', anyOf: ['no'] } },
    { id: 'good', type: 'short_text', title: both('What was really good?', 'کیا واقعی اچھا تھا؟') },
    { id: 'contact', type: 'contact', title: both('Can we contact you?', 'کیا ہم آپ سے رابطہ کر سکتے ہیں؟'), fields: ['name', 'phone'] },
  ],
});
