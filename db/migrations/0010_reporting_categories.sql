-- Reporting details come from one list per field (server/cases/reporting-details.ts). Values
-- typed before there was a list are mapped to it where the meaning is certain ("Boy" is Male,
-- "White British" is White); anything else, such as an age band that spans two of today's
-- ("10-14"), becomes "not recorded" rather than a group of its own.
UPDATE "cases" SET "ethnicity" = CASE
    when lower(btrim(ethnicity)) in ('white', 'white british', 'white english', 'white welsh', 'white scottish', 'white irish', 'white other', 'white - british', 'white - irish', 'white - other', 'any other white background', 'gypsy or irish traveller', 'roma', 'white: english, welsh, scottish, northern irish or british') then 'White'
    when lower(btrim(ethnicity)) in ('mixed', 'mixed or multiple ethnic groups', 'mixed/multiple ethnic groups', 'mixed white and black caribbean', 'mixed white and black african', 'mixed white and asian', 'any other mixed background', 'dual heritage') then 'Mixed or Multiple ethnic groups'
    when lower(btrim(ethnicity)) in ('asian', 'asian or asian british', 'asian british', 'asian, asian british or asian welsh', 'indian', 'pakistani', 'bangladeshi', 'chinese', 'any other asian background') then 'Asian, Asian British or Asian Welsh'
    when lower(btrim(ethnicity)) in ('black', 'black or black british', 'black british', 'black, black british, black welsh, caribbean or african', 'black caribbean', 'black african', 'caribbean', 'african', 'any other black background') then 'Black, Black British, Black Welsh, Caribbean or African'
    when lower(btrim(ethnicity)) in ('other', 'other ethnic group', 'arab', 'any other ethnic group') then 'Other ethnic group'
    else null
  end
  WHERE "ethnicity" is not null;
--> statement-breakpoint
UPDATE "cases" SET "gender" = CASE
    when lower(btrim(gender)) in ('male', 'boy', 'm', 'man') then 'Male'
    when lower(btrim(gender)) in ('female', 'girl', 'f', 'woman') then 'Female'
    when lower(btrim(gender)) in ('another gender', 'other', 'non-binary', 'nonbinary') then 'Another gender'
    else null
  end
  WHERE "gender" is not null;
--> statement-breakpoint
UPDATE "cases" SET "age_band" = CASE
    when lower(btrim(age_band)) in ('10-13', '10', '11', '12', '13') then '10-13'
    when lower(btrim(age_band)) in ('14-15', '14', '15') then '14-15'
    when lower(btrim(age_band)) in ('16-17', '16', '17') then '16-17'
    when lower(btrim(age_band)) in ('18+', '18', '19', '20') then '18+'
    else null
  end
  WHERE "age_band" is not null;
--> statement-breakpoint
UPDATE "cases" SET "care_status" = CASE
    when lower(btrim(care_status)) in ('looked after', 'looked after child', 'cla', 'lac', 'in care') then 'Looked after'
    when lower(btrim(care_status)) in ('care leaver') then 'Care leaver'
    when lower(btrim(care_status)) in ('not in care', 'not looked after', 'no') then 'Not in care'
    else null
  end
  WHERE "care_status" is not null;
--> statement-breakpoint
UPDATE "cases" SET "special_needs" = CASE
    when lower(btrim(special_needs)) in ('ehc plan', 'ehcp', 'education, health and care plan') then 'EHC plan'
    when lower(btrim(special_needs)) in ('sen support', 'sen') then 'SEN support'
    when lower(btrim(special_needs)) in ('no identified sen', 'no send', 'no sen', 'none') then 'No identified SEN'
    else null
  end
  WHERE "special_needs" is not null;
--> statement-breakpoint
UPDATE "responses" SET "ethnicity" = CASE
    when lower(btrim(ethnicity)) in ('white', 'white british', 'white english', 'white welsh', 'white scottish', 'white irish', 'white other', 'white - british', 'white - irish', 'white - other', 'any other white background', 'gypsy or irish traveller', 'roma', 'white: english, welsh, scottish, northern irish or british') then 'White'
    when lower(btrim(ethnicity)) in ('mixed', 'mixed or multiple ethnic groups', 'mixed/multiple ethnic groups', 'mixed white and black caribbean', 'mixed white and black african', 'mixed white and asian', 'any other mixed background', 'dual heritage') then 'Mixed or Multiple ethnic groups'
    when lower(btrim(ethnicity)) in ('asian', 'asian or asian british', 'asian british', 'asian, asian british or asian welsh', 'indian', 'pakistani', 'bangladeshi', 'chinese', 'any other asian background') then 'Asian, Asian British or Asian Welsh'
    when lower(btrim(ethnicity)) in ('black', 'black or black british', 'black british', 'black, black british, black welsh, caribbean or african', 'black caribbean', 'black african', 'caribbean', 'african', 'any other black background') then 'Black, Black British, Black Welsh, Caribbean or African'
    when lower(btrim(ethnicity)) in ('other', 'other ethnic group', 'arab', 'any other ethnic group') then 'Other ethnic group'
    else null
  end
  WHERE "ethnicity" is not null;
--> statement-breakpoint
UPDATE "responses" SET "gender" = CASE
    when lower(btrim(gender)) in ('male', 'boy', 'm', 'man') then 'Male'
    when lower(btrim(gender)) in ('female', 'girl', 'f', 'woman') then 'Female'
    when lower(btrim(gender)) in ('another gender', 'other', 'non-binary', 'nonbinary') then 'Another gender'
    else null
  end
  WHERE "gender" is not null;
--> statement-breakpoint
UPDATE "responses" SET "age_band" = CASE
    when lower(btrim(age_band)) in ('10-13', '10', '11', '12', '13') then '10-13'
    when lower(btrim(age_band)) in ('14-15', '14', '15') then '14-15'
    when lower(btrim(age_band)) in ('16-17', '16', '17') then '16-17'
    when lower(btrim(age_band)) in ('18+', '18', '19', '20') then '18+'
    else null
  end
  WHERE "age_band" is not null;
--> statement-breakpoint
UPDATE "responses" SET "care_status" = CASE
    when lower(btrim(care_status)) in ('looked after', 'looked after child', 'cla', 'lac', 'in care') then 'Looked after'
    when lower(btrim(care_status)) in ('care leaver') then 'Care leaver'
    when lower(btrim(care_status)) in ('not in care', 'not looked after', 'no') then 'Not in care'
    else null
  end
  WHERE "care_status" is not null;
--> statement-breakpoint
UPDATE "responses" SET "special_needs" = CASE
    when lower(btrim(special_needs)) in ('ehc plan', 'ehcp', 'education, health and care plan') then 'EHC plan'
    when lower(btrim(special_needs)) in ('sen support', 'sen') then 'SEN support'
    when lower(btrim(special_needs)) in ('no identified sen', 'no send', 'no sen', 'none') then 'No identified SEN'
    else null
  end
  WHERE "special_needs" is not null;
