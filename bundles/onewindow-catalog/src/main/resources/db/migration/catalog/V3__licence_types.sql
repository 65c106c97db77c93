-- Licence types (证照类型): what materials name and what items issue into the electronic licence library.
-- The standard list is reference data of the exchange format and comes with the schema; halls add more by import.
CREATE TABLE LICENCE_TYPE (
  CODE VARCHAR(64) NOT NULL,
  NAME VARCHAR(100) NOT NULL,
  HOLDER_KIND VARCHAR(16) NOT NULL,
  VALIDITY_YEARS INT,
  UPDATED_AT TIMESTAMP NOT NULL,
  UPDATED_BY VARCHAR(100) NOT NULL,
  CONSTRAINT PK_LICENCE_TYPE PRIMARY KEY (CODE)
);
INSERT INTO LICENCE_TYPE (CODE, NAME, HOLDER_KIND, VALIDITY_YEARS, UPDATED_AT, UPDATED_BY) VALUES
  ('RESIDENT_ID_CARD', '居民身份证', 'PERSON', 20, CURRENT_TIMESTAMP, 'system:migration'),
  ('HOUSEHOLD_REGISTER', '居民户口簿', 'PERSON', NULL, CURRENT_TIMESTAMP, 'system:migration'),
  ('RESIDENCE_PERMIT', '居住证', 'PERSON', 1, CURRENT_TIMESTAMP, 'system:migration'),
  ('PASSPORT', '普通护照', 'PERSON', 10, CURRENT_TIMESTAMP, 'system:migration'),
  ('MARRIAGE_CERT', '结婚证', 'PERSON', NULL, CURRENT_TIMESTAMP, 'system:migration'),
  ('BIRTH_MEDICAL_CERT', '出生医学证明', 'PERSON', NULL, CURRENT_TIMESTAMP, 'system:migration'),
  ('SOCIAL_SECURITY_CARD', '社会保障卡', 'PERSON', 10, CURRENT_TIMESTAMP, 'system:migration'),
  ('DISABILITY_CERT', '中华人民共和国残疾人证', 'PERSON', 10, CURRENT_TIMESTAMP, 'system:migration'),
  ('VETERAN_CERT', '退役证件', 'PERSON', NULL, CURRENT_TIMESTAMP, 'system:migration'),
  ('VETERAN_PREFERENTIAL_CERT', '退役军人优待证', 'PERSON', NULL, CURRENT_TIMESTAMP, 'system:migration'),
  ('GRADUATION_CERT', '学历证书', 'PERSON', NULL, CURRENT_TIMESTAMP, 'system:migration'),
  ('TEACHER_QUALIFICATION_CERT', '教师资格证书', 'PERSON', NULL, CURRENT_TIMESTAMP, 'system:migration'),
  ('PHYSICIAN_PRACTICE_CERT', '医师执业证书', 'PERSON', NULL, CURRENT_TIMESTAMP, 'system:migration'),
  ('DRIVING_LICENCE', '机动车驾驶证', 'PERSON', 10, CURRENT_TIMESTAMP, 'system:migration'),
  ('VEHICLE_LICENCE', '机动车行驶证', 'ANY', NULL, CURRENT_TIMESTAMP, 'system:migration'),
  ('BUSINESS_LICENCE', '营业执照', 'ANY', NULL, CURRENT_TIMESTAMP, 'system:migration'),
  ('REAL_ESTATE_CERT', '不动产权证书', 'ANY', NULL, CURRENT_TIMESTAMP, 'system:migration'),
  ('FOOD_BUSINESS_LICENCE', '食品经营许可证', 'ANY', 5, CURRENT_TIMESTAMP, 'system:migration'),
  ('DRUG_RETAIL_LICENCE', '药品经营许可证', 'ORGANISATION', 5, CURRENT_TIMESTAMP, 'system:migration'),
  ('SPECIAL_TRADE_LICENCE', '特种行业许可证', 'ANY', NULL, CURRENT_TIMESTAMP, 'system:migration'),
  ('HR_SERVICE_LICENCE', '人力资源服务许可证', 'ORGANISATION', 5, CURRENT_TIMESTAMP, 'system:migration'),
  ('LABOUR_DISPATCH_LICENCE', '劳务派遣经营许可证', 'ORGANISATION', 3, CURRENT_TIMESTAMP, 'system:migration'),
  ('PUBLIC_HEALTH_LICENCE', '公共场所卫生许可证', 'ANY', 4, CURRENT_TIMESTAMP, 'system:migration'),
  ('MEDICAL_INSTITUTION_LICENCE', '医疗机构执业许可证', 'ORGANISATION', 5, CURRENT_TIMESTAMP, 'system:migration'),
  ('LAND_PLANNING_PERMIT', '建设用地规划许可证', 'ANY', NULL, CURRENT_TIMESTAMP, 'system:migration'),
  ('ENGINEERING_PLANNING_PERMIT', '建设工程规划许可证', 'ANY', NULL, CURRENT_TIMESTAMP, 'system:migration'),
  ('CONSTRUCTION_PERMIT', '建筑工程施工许可证', 'ANY', NULL, CURRENT_TIMESTAMP, 'system:migration'),
  ('PRESALE_PERMIT', '商品房预售许可证', 'ORGANISATION', NULL, CURRENT_TIMESTAMP, 'system:migration'),
  ('ROAD_TRANSPORT_PERMIT', '道路运输经营许可证', 'ANY', 4, CURRENT_TIMESTAMP, 'system:migration'),
  ('POLLUTANT_DISCHARGE_PERMIT', '排污许可证', 'ORGANISATION', 5, CURRENT_TIMESTAMP, 'system:migration'),
  ('PRIVATE_SCHOOL_PERMIT', '民办学校办学许可证', 'ORGANISATION', 5, CURRENT_TIMESTAMP, 'system:migration'),
  ('OUTDOOR_ADVERTISING_PERMIT', '户外广告设置许可证', 'ANY', 3, CURRENT_TIMESTAMP, 'system:migration');
-- An item whose result is a licence names its type; an approval issues one into the library.
ALTER TABLE CATALOG_ITEM ADD COLUMN RESULT_LICENCE_TYPE VARCHAR(64);
