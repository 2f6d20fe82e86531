// The GraphQL documents the case tests share.
import { graphql } from '../gql/index.js';

export const OpenCase = graphql(`
  mutation OpenCase($input: OpenCaseInput!) {
    openCase(input: $input) {
      __typename
      ... on Error { code message }
      ... on OpenCaseSuccess {
        case {
          id amazonCaseId type status claimedUnits reimbursedUnits pendingUnits openedAt closedAt closedBy
          reimbursed { amount currency }
          description documentUrl caseLogUrl
          items { product { sku } claimedUnits reimbursedUnits pendingUnits reimbursed { amount currency } documentUrl }
        }
      }
    }
  }
`);

export const CloseCase = graphql(`
  mutation CloseCase($id: ID!) {
    closeCase(id: $id) {
      __typename
      ... on Error { code message }
      ... on CloseCaseSuccess { case { id status closedAt closedBy pendingUnits reimbursedUnits } }
    }
  }
`);

export const DeleteCase = graphql(`
  mutation DeleteCase($id: ID!) {
    deleteCase(id: $id) {
      __typename
      ... on Error { code message }
      ... on DeleteCaseSuccess { deletedCaseId }
    }
  }
`);

export const CaseById = graphql(`
  query CaseById($id: ID!) {
    case(id: $id) {
      id amazonCaseId type status claimedUnits reimbursedUnits pendingUnits openedAt closedAt closedBy
      reimbursed { amount currency }
      reimbursements { reimbursementId approvalDate reason sku units amount { amount currency } }
      items { product { sku } claimedUnits reimbursedUnits pendingUnits reimbursed { amount currency } }
    }
  }
`);

export const CaseList = graphql(`
  query CaseList($status: CaseStatus) {
    cases(status: $status, first: 50) { edges { node { id amazonCaseId status type } } }
  }
`);

export const ProductNumbers = graphql(`
  query ProductNumbers($sku: String!, $asOf: DateTime) {
    product(sku: $sku, asOf: $asOf) {
      sku missingUnits claimableUnits claimedUnits expiredUnits nextDeadline
      cases { id status }
    }
  }
`);

export const Totals = graphql(`
  query Totals($asOf: DateTime) {
    viewer { totals(asOf: $asOf) { missingUnits claimableUnits claimedUnits expiredUnits reimbursable { amount currency } reimbursed { amount currency } } }
  }
`);

export const Draft = graphql(`
  query Draft($type: MissingType!, $skus: [String!]!, $asOf: DateTime) {
    claimDraft(type: $type, skus: $skus, asOf: $asOf) {
      units reimbursable { amount currency } documentUrl description sellerCentralUrl guidance
      evidence { type date units state deadline source reference }
      items { product { sku } units reimbursable { amount currency } evidence { date units reference } }
    }
  }
`);
