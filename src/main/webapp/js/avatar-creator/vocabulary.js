/**
 * Avatar Creator's closed vocabularies (the enums in com.lumiku.avatars.entity and V12's domains;
 * README "Avatar Creator") with the words shown for them, and the free-word fields with their
 * lengths. The server checks them again and answers 400 naming the field.
 */
export const CHOICES = {
  gender: [['female', 'Female'], ['male', 'Male'], ['non_binary', 'Non-binary']],
  ageRange: [['young_adult', 'Young adult (18-29)'], ['adult', 'Adult (30-44)'], ['middle_aged', 'Middle-aged (45-64)'], ['senior', 'Senior (65+)']],
  bodyType: [['slim', 'Slim'], ['average', 'Average'], ['athletic', 'Athletic'], ['muscular', 'Muscular'], ['curvy', 'Curvy'], ['plus_size', 'Plus size']],
  skinTone: [['fair', 'Fair'], ['light', 'Light'], ['medium', 'Medium'], ['olive', 'Olive'], ['tan', 'Tan'], ['brown', 'Brown'], ['dark', 'Dark'], ['deep', 'Deep']],
  style: [['realistic', 'Realistic'], ['professional', 'Professional'], ['casual', 'Casual'], ['artistic', 'Artistic'], ['anime', 'Anime'], ['cartoon', 'Cartoon'], ['fantasy', 'Fantasy'], ['sci_fi', 'Sci-fi'], ['vintage', 'Vintage']],
};

export const CHOICE_LABELS = {
  gender: 'Gender',
  ageRange: 'Age range',
  bodyType: 'Build',
  skinTone: 'Skin tone',
  style: 'Style',
};

/** Free words: field, label, longest length. */
export const WORDS = [
  ['ethnicity', 'Ethnicity', 60],
  ['hairStyle', 'Hair style', 60],
  ['hairColor', 'Hair colour', 40],
  ['eyeColor', 'Eye colour', 40],
];

export const SOURCE = { generated: 'Generated', uploaded: 'Uploaded', preset: 'From a preset' };

/** The words of a code in its vocabulary, or the code itself. */
export function choiceLabel(field, code) {
  return CHOICES[field]?.find(([value]) => value === code)?.[1] ?? code;
}
