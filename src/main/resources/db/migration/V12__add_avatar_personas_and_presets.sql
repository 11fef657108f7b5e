-- Avatar Creator's personas and presets (issue 14, parts 2 and 3): every avatar says who it is (its
-- persona: name, age, personality traits, background), how it looks (its visual attributes: gender,
-- age range, ethnicity, body type, hair style and colour, eye colour, skin tone, style) and where it
-- came from (generated, uploaded, preset); presets are ready-made personas and looks to order from,
-- persona examples are suggestions to start one's own.
--
-- Persona and attributes are columns, not one jsonb document: the closed vocabularies are domains
-- below (one list per vocabulary, the same the application parses; AvatarVocabulariesTest keeps the
-- two in step), so the database refuses a value the API would refuse; a listing can filter and index
-- them; and EclipseLink maps plain columns the same way in the three tables that share them
-- (avatars, avatar_presets, avatar_persona_examples), where a jsonb column needs converters and
-- casts on every write. Personality traits, a short list, are a JSON array in a text column.

CREATE DOMAIN avatar_gender AS varchar(12)
    CHECK (VALUE IN ('female', 'male', 'non_binary'));
CREATE DOMAIN avatar_age_range AS varchar(12)
    CHECK (VALUE IN ('young_adult', 'adult', 'middle_aged', 'senior'));
CREATE DOMAIN avatar_body_type AS varchar(12)
    CHECK (VALUE IN ('slim', 'average', 'athletic', 'muscular', 'curvy', 'plus_size'));
CREATE DOMAIN avatar_skin_tone AS varchar(12)
    CHECK (VALUE IN ('fair', 'light', 'medium', 'olive', 'tan', 'brown', 'dark', 'deep'));
CREATE DOMAIN avatar_style AS varchar(16)
    CHECK (VALUE IN ('realistic', 'professional', 'casual', 'artistic', 'anime', 'cartoon', 'fantasy', 'sci_fi', 'vintage'));
-- Avatars are of adults.
CREATE DOMAIN avatar_persona_age AS smallint
    CHECK (VALUE BETWEEN 18 AND 100);
CREATE DOMAIN avatar_traits AS text
    CHECK (jsonb_typeof(VALUE::jsonb) = 'array');
CREATE DOMAIN avatar_category AS varchar(40)
    CHECK (VALUE ~ '^[a-z0-9]+(-[a-z0-9]+)*$');

-- Presets: a persona template and visual attributes (and words of its own for the model) that an
-- order starts from; its fields override them. Users see the public ones; usage_count counts the
-- accepted orders that named it, moved in the order's transaction.
CREATE TABLE avatar_presets (
    id                 uuid PRIMARY KEY,
    name               varchar(100)       NOT NULL,
    category           avatar_category    NOT NULL,
    description        varchar(500),
    prompt             varchar(1000),
    persona_name       varchar(100),
    persona_age        avatar_persona_age,
    personality_traits avatar_traits,
    persona_background varchar(500),
    gender             avatar_gender,
    age_range          avatar_age_range,
    ethnicity          varchar(60),
    body_type          avatar_body_type,
    hair_style         varchar(60),
    hair_color         varchar(40),
    eye_color          varchar(40),
    skin_tone          avatar_skin_tone,
    style              avatar_style,
    is_public          boolean     NOT NULL DEFAULT true,
    usage_count        bigint      NOT NULL DEFAULT 0 CHECK (usage_count >= 0),
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL
);
CREATE INDEX avatar_presets_category_idx ON avatar_presets (category, name);

-- Persona examples: personas to start from, with the look they suggest, in categories and an order.
CREATE TABLE avatar_persona_examples (
    id                 uuid PRIMARY KEY,
    category           avatar_category    NOT NULL,
    display_order      integer            NOT NULL DEFAULT 0 CHECK (display_order BETWEEN 0 AND 100000),
    name               varchar(100)       NOT NULL,
    persona_name       varchar(100),
    persona_age        avatar_persona_age,
    personality_traits avatar_traits,
    persona_background varchar(500),
    gender             avatar_gender,
    age_range          avatar_age_range,
    ethnicity          varchar(60),
    body_type          avatar_body_type,
    hair_style         varchar(60),
    hair_color         varchar(40),
    eye_color          varchar(40),
    skin_tone          avatar_skin_tone,
    style              avatar_style,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL
);
CREATE INDEX avatar_persona_examples_order_idx ON avatar_persona_examples (category, display_order, name);

-- Avatars made before this migration were generated from a prompt alone. An avatar keeps its
-- preset's id while the preset exists; its persona, attributes and prompt are its own copies.
ALTER TABLE avatars
    ADD COLUMN source_type        varchar(10) NOT NULL DEFAULT 'generated'
                                  CHECK (source_type IN ('generated', 'uploaded', 'preset')),
    ADD COLUMN preset_id          uuid REFERENCES avatar_presets (id) ON DELETE SET NULL,
    ADD COLUMN persona_name       varchar(100),
    ADD COLUMN persona_age        avatar_persona_age,
    ADD COLUMN personality_traits avatar_traits,
    ADD COLUMN persona_background varchar(500),
    ADD COLUMN gender             avatar_gender,
    ADD COLUMN age_range          avatar_age_range,
    ADD COLUMN ethnicity          varchar(60),
    ADD COLUMN body_type          avatar_body_type,
    ADD COLUMN hair_style         varchar(60),
    ADD COLUMN hair_color         varchar(40),
    ADD COLUMN eye_color          varchar(40),
    ADD COLUMN skin_tone          avatar_skin_tone,
    ADD COLUMN style              avatar_style;
-- A preset's deletion sets its avatars' preset_id to null.
CREATE INDEX avatars_preset_idx ON avatars (preset_id) WHERE preset_id IS NOT NULL;

-- The starter catalogue: 24 presets in six categories and 14 persona examples in six. Their ids are
-- name-based UUIDs, the same everywhere. Previews are drawn by the application from each preset's
-- words (GET .../presets/{id}/preview.png); nothing is downloaded.
INSERT INTO avatar_presets (id, name, category, description, prompt, persona_name, persona_age, personality_traits, persona_background, gender, age_range, ethnicity, body_type, hair_style, hair_color, eye_color, skin_tone, style, created_at, updated_at) VALUES
    ('b39f93b5-1ea8-513f-8779-05a5ae2da501', 'Corporate Headshot', 'professional', 'A clean studio headshot for profiles and team pages.', 'wearing a tailored navy blazer, plain grey backdrop', 'Alex Morgan', 35, '["confident","approachable"]', 'Operations lead at a mid-size company', NULL, 'adult', NULL, 'average', 'short and neat', 'dark brown', 'brown', 'medium', 'professional', now(), now()),
    ('903771c2-0ba9-5fa8-95bd-f3cdfbff6163', 'Startup Founder', 'professional', 'Smart casual founder portrait for pitch decks.', 'smart casual shirt, modern open-plan office behind', 'Raka Pratama', 29, '["driven","optimistic","curious"]', 'Founder of a fintech startup in Jakarta', 'male', 'young_adult', 'Indonesian', 'athletic', 'short textured', 'black', 'dark brown', 'tan', 'professional', now(), now()),
    ('313e8f40-d1af-5eae-8de1-450f34a98dc0', 'Family Doctor', 'professional', 'A trustworthy portrait for a clinic or health service.', 'white coat and stethoscope, bright clinic', 'Dr. Amara Okafor', 42, '["calm","caring","precise"]', 'Family doctor at a community clinic', 'female', 'adult', 'Nigerian', 'average', 'natural curls tied back', 'black', 'brown', 'deep', 'professional', now(), now()),
    ('dda1fad5-4fc0-5fb0-a5ca-19fde4fef667', 'University Lecturer', 'professional', 'A thoughtful academic portrait.', 'tweed jacket, bookshelves softly blurred behind', 'Prof. Henrik Larsen', 58, '["thoughtful","patient","witty"]', 'Teaches history at a university', 'male', 'middle_aged', 'Danish', 'slim', 'short and swept back', 'grey', 'blue', 'fair', 'professional', now(), now()),
    ('cdb36e43-ea4f-58a2-91cb-8992973a5989', 'Coffee Shop Regular', 'casual', 'A relaxed everyday look in warm café light.', 'cosy knit sweater, warm café light', 'Mia Santos', 24, '["friendly","creative","laid-back"]', 'Barista and part-time illustrator', 'female', 'young_adult', 'Filipino', 'slim', 'long and straight', 'black', 'brown', 'light', 'casual', now(), now()),
    ('79fa5da7-04e4-5cac-aebd-c96b167fee77', 'Weekend Hiker', 'casual', 'Outdoorsy and easy-going, on a mountain trail.', 'outdoor jacket, mountain trail in soft focus', 'Jonas Weber', 31, '["adventurous","easy-going"]', 'Software tester who hikes every weekend', 'male', 'adult', 'German', 'athletic', 'short and messy', 'light brown', 'green', 'fair', 'casual', now(), now()),
    ('ce7ee129-f157-5fa8-a432-aeabfddcfd5a', 'Street Style', 'casual', 'Bold streetwear against a city street at dusk.', 'oversized hoodie, city street at dusk', 'Kai Tanaka', 22, '["bold","playful","trendy"]', 'Skateboarder and streetwear fan', 'non_binary', 'young_adult', 'Japanese', 'slim', 'bleached undercut', 'platinum blonde', 'dark brown', 'light', 'casual', now(), now()),
    ('3aae8098-a7f5-5cb1-b9e4-5842f0dc2083', 'Home Cook', 'casual', 'A warm portrait in a sunny home kitchen.', 'apron, sunny home kitchen', 'Rosa Delgado', 47, '["warm","generous","talkative"]', 'Runs the family''s weekend food stall', 'female', 'middle_aged', 'Mexican', 'curvy', 'shoulder-length and wavy', 'dark brown', 'brown', 'tan', 'casual', now(), now()),
    ('44a303b5-5a86-5465-8f42-6cc59aa35423', 'Painter''s Portrait', 'artistic', 'A painterly portrait with visible brushstrokes.', 'oil painting, visible brushstrokes, studio with easels', 'Élodie Marchand', 36, '["dreamy","expressive"]', 'Painter who teaches evening classes', 'female', 'adult', 'French', 'slim', 'messy bun', 'auburn', 'hazel', 'fair', 'artistic', now(), now()),
    ('de9354c8-a127-5155-83bd-6a6f7c3b2aba', 'Musician on Stage', 'artistic', 'A performer under warm stage lights.', 'holding an electric guitar, warm stage lights', 'Marcus Reed', 28, '["charismatic","passionate"]', 'Lead guitarist of an indie band', 'male', 'young_adult', 'African American', 'average', 'short locs', 'black', 'dark brown', 'brown', 'realistic', now(), now()),
    ('1cf5f72b-f518-5827-bb28-1ceee3e4c00c', 'Fashion Editorial', 'artistic', 'A magazine-cover look with dramatic light.', 'high-fashion outfit, dramatic studio lighting, magazine cover look', 'Zara Khan', 26, '["confident","elegant"]', 'Fashion model and design student', 'female', 'young_adult', 'Pakistani', 'slim', 'sleek, long and straight', 'black', 'dark brown', 'medium', 'realistic', now(), now()),
    ('272792f7-0824-569a-b028-9b38b064d3bb', 'Golden-Age Film Star', 'artistic', '1950s glamour in soft black-and-white.', '1950s glamour, soft black-and-white film still', 'Vivian Hale', 33, '["glamorous","witty"]', 'Actress of the golden age of cinema', 'female', 'adult', NULL, 'average', 'victory rolls', 'platinum blonde', 'blue', 'fair', 'vintage', now(), now()),
    ('b713dfda-e3a4-5193-9966-125b434a837e', 'Elven Ranger', 'fantasy', 'A forest guardian in a hooded cloak.', 'pointed ears, green hooded cloak, misty forest', 'Lyra Dawnwhisper', NULL, '["watchful","loyal","quiet"]', 'Guardian of the northern woods', 'female', 'young_adult', NULL, 'athletic', 'long and braided', 'silver', 'green', 'fair', 'fantasy', now(), now()),
    ('40c7b3cf-5d12-578d-8383-48306f59dc4e', 'Battle Mage', 'fantasy', 'A court wizard wreathed in glowing runes.', 'glowing runes, flowing robes, stormy sky', 'Thorne Ashbury', 45, '["stern","brilliant","protective"]', 'Court wizard sworn to the old kingdom', 'male', 'middle_aged', NULL, 'average', 'long and wild', 'grey', 'amber', 'olive', 'fantasy', now(), now()),
    ('0caf7825-f034-53d8-90d3-60c65bb2b0dd', 'Sky Pirate Captain', 'fantasy', 'A daring captain on the deck of an airship.', 'leather coat, brass goggles, airship deck', 'Captain Rin Vasquez', 34, '["daring","sly","loyal"]', 'Captain of a smuggling airship', 'female', 'adult', NULL, 'athletic', 'wind-swept ponytail', 'red', 'grey', 'tan', 'fantasy', now(), now()),
    ('c946aab7-0036-5e9e-82dd-cc9e123984e7', 'Mountain Smith', 'fantasy', 'A master smith by a glowing forge.', 'leather apron, braided beard, glowing forge', 'Borin Stonehand', 60, '["gruff","honest","stubborn"]', 'Master smith of the mountain hold', 'male', 'middle_aged', NULL, 'muscular', 'long and braided', 'copper red', 'brown', 'medium', 'fantasy', now(), now()),
    ('6c24522e-ee21-5891-8c7d-ebd27c2392a5', 'Starship Pilot', 'sci-fi', 'A test pilot in the cockpit, stars outside.', 'flight suit, cockpit lights, stars outside the canopy', 'Nova Reyes', 30, '["fearless","quick-witted"]', 'Test pilot for the deep-space fleet', 'female', 'adult', 'Latina', 'athletic', 'short pixie cut', 'black', 'brown', 'tan', 'sci_fi', now(), now()),
    ('e48ff0f6-f232-5605-a79e-4726eddfc250', 'Cyberpunk Hacker', 'sci-fi', 'Neon, holograms and techwear in a megacity.', 'neon-lit alley, holographic screens, techwear jacket', 'Jin Park', 25, '["clever","rebellious","secretive"]', 'Freelance hacker in a megacity', 'male', 'young_adult', 'Korean', 'slim', 'asymmetric undercut', 'electric blue', 'dark brown', 'light', 'sci_fi', now(), now()),
    ('c1ab2964-5c01-5745-a99b-f90a568dc5b2', 'Android Envoy', 'sci-fi', 'A composed android learning human customs.', 'subtle circuit lines on the skin, white minimalist suit', 'Unit Seren', NULL, '["composed","curious","polite"]', 'An android envoy learning human customs', 'non_binary', 'adult', NULL, 'slim', 'short sleek bob', 'white', 'violet', 'fair', 'sci_fi', now(), now()),
    ('3546d852-e78e-54d2-8915-b6c703caf099', 'Mars Botanist', 'sci-fi', 'A colonist growing crops in a Martian habitat.', 'utility jumpsuit, greenhouse dome on a dusty orange plain', 'Dr. Ifeoma Chukwu', 39, '["resourceful","steady"]', 'Botanist growing crops on Mars', 'female', 'adult', 'Nigerian', 'average', 'short natural afro', 'black', 'dark brown', 'deep', 'sci_fi', now(), now()),
    ('7ff7fe5f-a27b-506b-88a9-0002dba70cef', 'Anime Hero', 'animated', 'A determined hero with speed lines and a bright sky.', 'dynamic pose, speed lines, bright sky', 'Haru Aoki', 19, '["energetic","determined","kind"]', 'Student who has just found a hidden power', 'male', 'young_adult', 'Japanese', 'athletic', 'spiky', 'black', 'amber', 'light', 'anime', now(), now()),
    ('aa772ec3-6519-5b96-b4d3-46ca593bedd4', 'Anime Café Owner', 'animated', 'Pastel colours in a cosy cat café.', 'cosy cat café, pastel colours', 'Yuki Mori', 27, '["gentle","cheerful"]', 'Runs a cat café in a quiet town', 'female', 'young_adult', 'Japanese', 'slim', 'long twin tails', 'pastel pink', 'blue', 'fair', 'anime', now(), now()),
    ('f3860421-105b-59c4-9c34-b8cdfcc38e80', 'Cartoon Show Host', 'animated', 'A bright, bold cartoon presenter.', 'big smile, bright studio set', 'Benny Bright', 35, '["goofy","upbeat"]', 'Host of a children''s science show', 'male', 'adult', NULL, 'plus_size', 'curly', 'orange', 'green', 'medium', 'cartoon', now(), now()),
    ('790d562e-8476-5485-8a7d-8488d530316d', 'Globetrotting Grandma', 'animated', 'A spirited traveller with a map in hand.', 'travel backpack, map in hand, bold outlines', 'Nana Ruth', 72, '["spirited","funny","wise"]', 'Retired teacher travelling the world', 'female', 'senior', NULL, 'average', 'short and curly', 'white', 'blue', 'light', 'cartoon', now(), now());

INSERT INTO avatar_persona_examples (id, category, display_order, name, persona_name, persona_age, personality_traits, persona_background, gender, age_range, ethnicity, body_type, hair_style, hair_color, eye_color, skin_tone, style, created_at, updated_at) VALUES
    ('786a7ba7-9d42-510e-89cd-8ce19cac7dd9', 'business', 1, 'The Startup Founder', 'Dimas Saputra', 31, '["visionary","persistent","persuasive"]', 'Left a bank job to build a delivery app for small shops.', 'male', 'adult', 'Indonesian', 'average', 'short side part', 'black', 'dark brown', 'tan', 'professional', now(), now()),
    ('035c4091-4aa0-5c75-8815-ded09e98d83a', 'business', 2, 'The Marketing Lead', 'Priya Nair', 34, '["creative","organised","upbeat"]', 'Leads campaigns for a consumer brand.', 'female', 'adult', 'Indian', 'slim', 'long and wavy', 'black', 'brown', 'medium', 'professional', now(), now()),
    ('79505e68-9f11-50a4-af28-5a307eb20cd9', 'business', 3, 'The Financial Adviser', 'Daniel Cho', 45, '["trustworthy","analytical","calm"]', 'Helps families plan their savings and retirement.', 'male', 'middle_aged', 'Korean American', 'average', 'short and neat', 'greying black', 'dark brown', 'light', 'professional', now(), now()),
    ('b43a462d-cb91-5d23-ba63-62d5c290fa17', 'creative', 1, 'The Illustrator', 'Sofia Rossi', 27, '["imaginative","introverted","playful"]', 'Draws children''s books in a tiny studio.', 'female', 'young_adult', 'Italian', 'slim', 'curly bob', 'chestnut', 'green', 'fair', 'artistic', now(), now()),
    ('1156a476-ebf7-58e7-881c-34007fe2a34e', 'creative', 2, 'The Content Creator', 'Aisha Rahman', 23, '["outgoing","witty","trend-aware"]', 'Posts cooking and travel videos.', 'female', 'young_adult', 'Malaysian', 'average', 'wearing a pastel hijab', NULL, NULL, 'medium', 'casual', now(), now()),
    ('ed65154a-4f73-587f-a33f-0a10a997f3dc', 'creative', 3, 'The Photographer', 'Mateo García', 38, '["observant","patient","adventurous"]', 'Shoots weddings in summer and wildlife in winter.', 'male', 'adult', 'Spanish', 'athletic', 'tousled, with a short beard', 'dark brown', 'brown', 'olive', 'realistic', now(), now()),
    ('477b3708-63eb-5dcd-a012-647c6d910929', 'education', 1, 'The Science Teacher', 'Grace Mwangi', 41, '["enthusiastic","patient","curious"]', 'Runs the robotics club at a secondary school.', 'female', 'adult', 'Kenyan', 'average', 'braided updo', 'black', 'dark brown', 'deep', 'casual', now(), now()),
    ('b28ca549-7a02-5383-bf74-afc4ea26c5a3', 'education', 2, 'The Graduate Student', 'Lukas Novák', 25, '["curious","funny","sleep-deprived"]', 'Researching ocean currents for a PhD.', 'male', 'young_adult', 'Czech', 'slim', 'shaggy', 'blond', 'blue', 'fair', 'casual', now(), now()),
    ('7fa9ec88-15fb-5ff8-adba-ddd32afcb292', 'wellness', 1, 'The Yoga Instructor', 'Ayu Lestari', 30, '["serene","encouraging","disciplined"]', 'Teaches sunrise classes in Bali.', 'female', 'adult', 'Balinese', 'athletic', 'long straight ponytail', 'black', 'brown', 'tan', 'casual', now(), now()),
    ('0193c32c-5d77-540c-9f3f-46b6aa05eeaf', 'wellness', 2, 'The Night Nurse', 'Samuel Adeyemi', 36, '["compassionate","steady","practical"]', 'Works night shifts in a busy emergency ward.', 'male', 'adult', 'Nigerian', 'average', 'close-cropped', 'black', 'dark brown', 'deep', 'realistic', now(), now()),
    ('0c09f8d1-7c90-537a-8d53-481ab5e45451', 'storytelling', 1, 'The Reluctant Hero', 'Elric Vale', 22, '["brave","doubtful","loyal"]', 'A farmhand who inherited a cursed sword.', 'male', 'young_adult', NULL, 'athletic', 'shaggy, shoulder-length', 'sandy brown', 'grey', 'light', 'fantasy', now(), now()),
    ('3c7419b3-dead-5eef-83ac-608a7763e082', 'storytelling', 2, 'The Space Smuggler', 'Kira Voss', 35, '["sly","charming","independent"]', 'Runs cargo that nobody asks questions about.', 'female', 'adult', NULL, 'athletic', 'shaved sides with a long top', 'teal', 'amber', 'olive', 'sci_fi', now(), now()),
    ('f0b77355-532d-52fc-817f-053696bb6ef6', 'storytelling', 3, 'The Wise Mentor', 'Master Oren', 78, '["wise","patient","dry-humoured"]', 'A retired swordmaster who trains one student a decade.', 'male', 'senior', NULL, 'slim', 'bald, with a long white beard', NULL, 'grey', 'tan', 'fantasy', now(), now()),
    ('3ba506fe-e497-55b6-9e30-cf7b2511d26f', 'lifestyle', 1, 'The Village Gardener', 'Margaret Ellis', 68, '["gentle","chatty","green-fingered"]', 'Wins the village flower show every year.', 'female', 'senior', 'British', 'average', 'short curls', 'silver', 'blue', 'fair', 'casual', now(), now());
